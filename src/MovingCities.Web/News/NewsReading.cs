using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;

namespace MovingCities.Web.News;

/// <summary>How published news is read, shared by the API, the pages and the feeds.</summary>
public static class NewsReading
{
    public static IQueryable<NewsPost> Published(this IQueryable<NewsPost> posts) =>
        posts.Where(p => p.Status == NewsStatus.Published);

    /// <summary>Newest first, then by slug so equal dates keep a stable order.</summary>
    public static IQueryable<NewsPost> NewestFirst(this IQueryable<NewsPost> posts) =>
        posts.OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Slug);

    /// <param name="all">Every post, to name a translation only when it is published (a draft is never named).</param>
    public static IQueryable<NewsSummary> Summaries(this IQueryable<NewsPost> posts, IQueryable<NewsPost> all) =>
        posts.Select(p => new NewsSummary(p.Slug, p.Title, p.Summary, p.PublishedAt, p.Language,
            all.Where(t => t.Slug == p.TranslationSlug && t.Status == NewsStatus.Published).Select(t => t.Slug).FirstOrDefault(),
            "/news/" + p.Slug,
            p.Cities.OrderBy(c => c.Name).Select(c => new CityReference(c.Slug, c.Name)).ToList()));

    /// <summary>The slug of the post's translation when that is published, else null.</summary>
    public static async Task<string?> PublishedTranslationAsync(MovingCitiesDb db, NewsPost post, CancellationToken cancellationToken = default) =>
        post.TranslationSlug is null ? null
            : await db.NewsPosts.Published().Where(t => t.Slug == post.TranslationSlug).Select(t => t.Slug).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A published post with its cities; null when there is none of that slug.</summary>
    public static Task<NewsPost?> PublishedPostAsync(MovingCitiesDb db, string? slug, CancellationToken cancellationToken)
    {
        // A blank route value (/news/%20) reaches us as null: no post has it.
        if (string.IsNullOrWhiteSpace(slug))
            return Task.FromResult<NewsPost?>(null);
        var key = slug.ToLowerInvariant();
        return db.NewsPosts.AsNoTracking().Published().Where(p => p.Slug == key)
            .Include(p => p.Cities).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A post (its cities loaded) as readers see it, published or not: the editors' preview uses it too.</summary>
    /// <param name="translation">The slug of its published translation (<see cref="PublishedTranslationAsync"/>), or null.</param>
    public static NewsDetail Detail(NewsPost post, MarkdownRenderer markdown, string? translation) =>
        new(post.Slug, post.Title, post.Summary, post.PublishedAt, post.Language, translation, markdown.ToHtml(post.Body),
            post.Cities.OrderBy(c => c.Name).Select(c => new CityReference(c.Slug, c.Name)).ToList(), post.SourceUrl, "/news/" + post.Slug);
}
