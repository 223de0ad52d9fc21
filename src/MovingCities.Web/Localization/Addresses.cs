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
        if (value is "/downloads")
            return value;
        if (value is "/news" or "/news.atom" || value.StartsWith("/news/", StringComparison.Ordinal) || value.StartsWith("/cities/", StringComparison.Ordinal))
            return value;
        return null;
    }
}
