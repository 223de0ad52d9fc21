namespace MovingCities.Web.Localization;

/// <summary>
/// Every public page's address in a language: <c>/de/cities/konstanz</c>, <c>/en/news</c>. Section names are the
/// same in every language (only the prefix differs), so switching language swaps one segment and city and post
/// slugs never change. Pages, feeds, the sitemap and the map's links all build addresses here.
/// </summary>
public static class Addresses
{
    public static string Map(string lang) => $"/{lang}";
    public static string About(string lang) => $"/{lang}/about";
    public static string Statistics(string lang) => $"/{lang}/statistics";
    /// <summary>The open data page: download files and the OGC API.</summary>
    public static string Downloads(string lang) => $"/{lang}/downloads";
    public static string City(string lang, string slug) => $"/{lang}/cities/{Uri.EscapeDataString(slug)}";
    /// <summary>A city's address with <c>{slug}</c> for the slug, for scripts that link many cities.</summary>
    public static string CityTemplate(string lang) => $"/{lang}/cities/{{slug}}";
    public static string CityFeed(string lang, string slug) => $"/{lang}/cities/{Uri.EscapeDataString(slug)}/news.atom";
    public static string News(string lang) => $"/{lang}/news";
    public static string CityNews(string lang, string slug) => $"/{lang}/news?city={Uri.EscapeDataString(slug)}";
    public static string Post(string lang, string slug) => $"/{lang}/news/{Uri.EscapeDataString(slug)}";
    public static string NewsFeed(string lang) => $"/{lang}/news.atom";
    /// <summary>The public proposal form, optionally about a city's commitment type (<c>/de/propose?city=konstanz&amp;type=…</c>).</summary>
    public static string Propose(string lang, string? city = null, string? type = null)
    {
        var query = string.Join("&", new[] { ("city", city), ("type", type) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        return $"/{lang}/propose{(query.Length == 0 ? "" : "?" + query)}";
    }
    public static string MapWithCity(string lang, string slug) => $"/{lang}?city={Uri.EscapeDataString(slug)}";

    /// <summary>The parameters of the map's address that say what it shows (wwwroot/js/url-state.js); the embed takes the same.</summary>
    public static readonly string[] MapStateNames = ["commitment", "status", "from", "to", "undated", "country", "region", "city", "view"];

    /// <summary>The map alone, for other sites' iframes, showing what <paramref name="state"/> says (map state names only).</summary>
    public static string Embed(string lang, IEnumerable<KeyValuePair<string, string>>? state = null) => $"/{lang}/embed{MapQuery(state)}";
    /// <summary>The big map showing the same as an embed with this state.</summary>
    public static string MapWith(string lang, IEnumerable<KeyValuePair<string, string>>? state) => $"/{lang}{MapQuery(state)}";
    /// <summary>Where campaigners put an embed together (preview and snippet), optionally for a city.</summary>
    public static string EmbedBuilder(string lang, string? city = null) =>
        $"/{lang}/embed/builder{(string.IsNullOrEmpty(city) ? "" : "?city=" + Uri.EscapeDataString(city))}";
    /// <summary>A city's share card (PNG, 1200×630) in a language.</summary>
    public static string CityCard(string lang, string slug) => $"/{lang}/cities/{Uri.EscapeDataString(slug)}/card.png";
    /// <summary>The site's share card, for pages about no one city.</summary>
    public static string SiteCard(string lang) => $"/{lang}/card.png";
    /// <summary>The oEmbed endpoint for a page of this site (absolute <paramref name="url"/>).</summary>
    public static string OEmbed(string url) => $"/oembed?url={Uri.EscapeDataString(url)}&format=json";

    /// <summary>Whether the path is an embed (<c>/de/embed</c>): the one page other sites may frame.</summary>
    public static bool IsEmbed(PathString path) =>
        SiteLanguages.OfPath(path) is { } lang && string.Equals(path.Value![(1 + lang.Length)..].TrimEnd('/'), "/embed", StringComparison.OrdinalIgnoreCase);

    static string MapQuery(IEnumerable<KeyValuePair<string, string>>? state)
    {
        var query = string.Join("&", (state ?? []).Where(p => MapStateNames.Contains(p.Key) && !string.IsNullOrEmpty(p.Value))
            // Commas and slashes stay readable, as the map writes them (url-state.js).
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value).Replace("%2C", ",").Replace("%2F", "/")}"));
        return query.Length == 0 ? "" : "?" + query;
    }

    /// <summary>The same page in another language: the address with its language segment swapped, query kept.</summary>
    public static string InLanguage(string lang, PathString path, QueryString query = default)
    {
        var current = SiteLanguages.OfPath(path);
        var rest = current is null ? path.Value ?? "" : path.Value![(1 + current.Length)..];
        return $"/{lang}{rest}{query}";
    }

    /// <summary>The address without a language that sends each visitor to their language (hreflang x-default), or null.</summary>
    public static string? Negotiated(PathString path)
    {
        var lang = SiteLanguages.OfPath(path);
        if (lang is null)
            return null;
        var rest = path.Value![(1 + lang.Length)..];
        return rest.Length == 0 ? "/" : Unprefixed(new PathString(rest)) is not null ? rest : null;
    }

    /// <summary>
    /// Where an address from before the site had languages lives now (<c>/cities/x</c> → <c>/cities/x</c> under a
    /// language, <c>/about.html</c> → <c>/about</c>), or null if it is not one of them.
    /// </summary>
    public static string? Unprefixed(PathString path)
    {
        var value = path.Value ?? "";
        if (value is "/" or "/index.html")
            return "";
        if (value is "/about.html" or "/about")
            return "/about";
        if (value is "/statistics")
            return value;
        if (value is "/embed")
            return "/embed";
        if (value is "/downloads")
            return value;
        if (value is "/news" or "/news.atom" || value.StartsWith("/news/", StringComparison.Ordinal) || value.StartsWith("/cities/", StringComparison.Ordinal))
            return value;
        return null;
    }
}
