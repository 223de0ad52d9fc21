using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using MovingCities.Web.Data;
using MovingCities.Web.Http;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Sharing;

/// <summary>
/// Sharing a city or the map elsewhere: share cards (the picture a shared link shows) and oEmbed (pasting a
/// city link into WordPress and the like embeds the map). The embed page itself and its builder are Razor
/// pages (Pages/Embed*.cshtml).
/// </summary>
public static class SharingEndpoints
{
    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder routes)
    {
        // Like the feeds, these are formats for other programs (images, oEmbed), not the JSON API: the OpenAPI
        // document stays about /api.
        var group = routes.MapGroup("").WithTags("Sharing").ExcludeFromDescription();

        group.MapGet("/{lang:lang}/cities/{slug}/card.png", GetCityCard)
            .WithName(nameof(GetCityCard))
            .WithSummary("A city's share card: a 1200×630 PNG with its live commitments, news count and address")
            .AllowOnly()
            .Produces(StatusCodes.Status200OK, contentType: ShareCard.ContentType)
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status404NotFound);

        group.MapGet("/{lang:lang}/card.png", GetSiteCard)
            .WithName(nameof(GetSiteCard))
            .WithSummary("The site's share card (1200×630 PNG) for pages about no one city")
            .AllowOnly()
            .Produces(StatusCodes.Status200OK, contentType: ShareCard.ContentType)
            .Produces(StatusCodes.Status304NotModified);

        // No AllowOnly: consumers add their own parameters (WordPress sends dnt=1), which oEmbed lets providers ignore.
        group.MapGet("/oembed", GetOEmbed)
            .WithName(nameof(GetOEmbed))
            .WithSummary("oEmbed (https://oembed.com) for city pages and map addresses: a rich embed of the map")
            .WithDescription("url: a city page (/de/cities/konstanz) or a map address with its filters (/de?commitment=…&country=…) of this site; format=json (xml answers 501); maxwidth, maxheight in pixels. A url that is not one of this site's cities or maps answers 404.")
            .Produces<OEmbedResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status501NotImplemented);

        return routes;
    }

    /// <remarks>An unknown city answers the site's 404 page, as every address outside /api does.</remarks>
    public static async Task<Results<RepresentationResult, NotFound>> GetCityCard(
        string lang, string slug, HttpContext context, ShareCards cards, CancellationToken cancellationToken) =>
        await cards.CityAsync(slug, lang, context.Request.Host.Value ?? "", cancellationToken) is { } card
            ? card.ToResult()
            : TypedResults.NotFound();

    public static async Task<RepresentationResult> GetSiteCard(string lang, HttpContext context, ShareCards cards, CancellationToken cancellationToken) =>
        (await cards.SiteAsync(lang, context.Request.Host.Value ?? "", cancellationToken))!.ToResult();

    public static async Task<Results<JsonHttpResult<OEmbedResponse>, ProblemHttpResult>> GetOEmbed(
        string? url, string? format, string? maxwidth, string? maxheight, HttpContext context, MovingCitiesDb db, CancellationToken cancellationToken)
    {
        if (format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: StatusCodes.Status501NotImplemented, title: "Format not implemented",
                detail: $"oEmbed answers here come as JSON only (format=json), not as '{format}'.");
        if (string.IsNullOrWhiteSpace(url))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "url is required",
                detail: "Give the address of a city page or of the map: /oembed?url=https://…/de/cities/konstanz&format=json.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "url is not an address",
                detail: $"'{url}' is not an absolute http(s) address.");
        var (maxWidth, widthError) = Size(maxwidth, "maxwidth");
        var (maxHeight, heightError) = Size(maxheight, "maxheight");
        if ((widthError ?? heightError) is { } sizeError)
            return sizeError;

        var request = context.Request;
        var ours = string.Equals(address.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        var target = ours ? await EmbedCode.ForAddressAsync(address, SiteLanguages.Current, db, cancellationToken) : null;
        if (target is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to embed at this address",
                detail: ours
                    ? $"'{url}' is neither a city page nor the map of this site (or names no city there is)."
                    : $"'{url}' is not an address of this site ({request.Host.Value}).");

        var origin = $"{request.Scheme}://{request.Host}";
        var width = Math.Min(EmbedCode.DefaultWidth, maxWidth ?? int.MaxValue);
        var height = Math.Min(EmbedCode.DefaultHeight, maxHeight ?? int.MaxValue);
        var city = target.State.FirstOrDefault(p => p.Key == "city").Value;
        // The card is 1200×630: it goes along only where it fits within what the consumer allows.
        var thumbnailFits = (maxWidth ?? int.MaxValue) >= ShareCard.Width && (maxHeight ?? int.MaxValue) >= ShareCard.Height;
        var thumbnail = !thumbnailFits ? null : origin + (city is null ? Addresses.SiteCard(target.Lang) : Addresses.CityCard(target.Lang, city));
        return TypedResults.Json(new OEmbedResponse(
            "1.0", "rich", target.Title, Texts.Site.Get("Site.Name", target.Lang), origin + Addresses.Map(target.Lang),
            EmbedCode.Iframe(origin + target.Path, width, height, target.Title), width, height, 86400,
            thumbnail, thumbnail is null ? null : ShareCard.Width, thumbnail is null ? null : ShareCard.Height));
    }

    /// <summary>A maxwidth or maxheight: whole pixels, at least 1.</summary>
    static (int? Value, ProblemHttpResult? Error) Size(string? text, string name)
    {
        if (text is null)
            return (null, null);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            return (value, null);
        return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"{name} is not a size",
            detail: $"{name} takes whole pixels, at least 1; '{text}' is not."));
    }
}

/// <summary>An oEmbed 1.0 "rich" answer (https://oembed.com/#section2.3).</summary>
public sealed record OEmbedResponse(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("provider_name")] string ProviderName,
    [property: JsonPropertyName("provider_url")] string ProviderUrl,
    [property: JsonPropertyName("html")] string Html,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("cache_age")] int CacheAge,
    [property: JsonPropertyName("thumbnail_url"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ThumbnailUrl,
    [property: JsonPropertyName("thumbnail_width"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ThumbnailWidth,
    [property: JsonPropertyName("thumbnail_height"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ThumbnailHeight);
