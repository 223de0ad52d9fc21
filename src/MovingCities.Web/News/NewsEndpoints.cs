using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Http;

namespace MovingCities.Web.News;

public static class NewsEndpoints
{
    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/news").WithTags("News");

        group.MapGet("/", ListNews)
            .WithName(nameof(ListNews))
            .WithSummary("Published news posts, newest first, optionally about one city")
            .AllowOnly(NewsQuery.Names)
            .Produces<NewsPage>(contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        group.MapGet("/{slug}", GetNews)
            .WithName(nameof(GetNews))
            .WithSummary("One published news post with its body as sanitized HTML")
            .AllowOnly()
            .Produces<NewsDetail>(contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<RepresentationResult, ValidationProblem>> ListNews(
        [AsParameters] NewsQuery query, MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var limit = query.ParseLimit(errors);
        var offset = query.ParseOffset(errors);
        var city = query.City?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(city) && !await db.Cities.AnyAsync(c => c.Slug == city, cancellationToken))
            errors["city"] = [$"There is no city with the slug '{query.City}'."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Invalid news query");

        var posts = db.NewsPosts.AsNoTracking().Published();
        if (!string.IsNullOrEmpty(city))
            posts = posts.Where(p => p.Cities.Any(c => c.Slug == city));
        var total = await posts.CountAsync(cancellationToken);
        var items = await posts.NewestFirst().Skip(offset).Take(limit).Summaries(db.NewsPosts).AsSplitQuery().ToListAsync(cancellationToken);
        return Representation.Json(new NewsPage(total, limit, offset, items)).ToResult();
    }

    public static async Task<Results<RepresentationResult, ProblemHttpResult>> GetNews(
        string slug, MovingCitiesDb db, MarkdownRenderer markdown, CancellationToken cancellationToken)
    {
        var post = await NewsReading.PublishedPostAsync(db, slug, cancellationToken);
        if (post is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "News post not found",
                detail: $"There is no published news post with the slug '{slug}'.");
        var detail = NewsReading.Detail(post, markdown, await NewsReading.PublishedTranslationAsync(db, post, cancellationToken));
        return Representation.Json(detail).ToResult();
    }
}

/// <summary>Paging and filter parameters of <c>GET /api/news</c>, parsed by hand so bad values get a clear message.</summary>
public sealed record NewsQuery(string? City, string? Limit, string? Offset)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public static readonly string[] Names = ["city", "limit", "offset"];

    public int ParseLimit(Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(Limit))
            return DefaultLimit;
        if (int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
            return limit;
        errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    public int ParseOffset(Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(Offset))
            return 0;
        if (int.TryParse(Offset, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            return offset;
        errors["offset"] = ["offset must be a whole number, 0 or more."];
        return 0;
    }
}

public sealed record CityReference(string Slug, string Name);

/// <param name="Language"><c>de</c> or <c>en</c>: each post is written in one language.</param>
/// <param name="Translation">The slug of the same post in the other language, when that is published; else null.</param>
public sealed record NewsSummary(
    string Slug, string Title, string? Summary, DateOnly PublishedAt, string Language, string? Translation, string Url,
    List<CityReference> Cities);

public sealed record NewsPage(int Total, int Limit, int Offset, List<NewsSummary> Items);

/// <inheritdoc cref="NewsSummary"/>
public sealed record NewsDetail(
    string Slug, string Title, string? Summary, DateOnly PublishedAt, string Language, string? Translation, string Html,
    List<CityReference> Cities, string? SourceUrl, string Url);
