using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Sharing;

/// <summary>What an embed shows: the map in a language with the map's own address parameters, and what to call it.</summary>
public sealed record EmbedTarget(string Lang, IReadOnlyList<KeyValuePair<string, string>> State, string Title)
{
    public string Path => Addresses.Embed(Lang, State);
    public string MapPath => Addresses.MapWith(Lang, State);
}

/// <summary>
/// The <c>&lt;iframe&gt;</c> snippet campaigners paste into their sites, written in one place for the share
/// section, the embed builder and oEmbed, so all three hand out the same code.
/// </summary>
public static class EmbedCode
{
    public const int DefaultWidth = 640, DefaultHeight = 480;
    public const int MinSize = 200, MaxSize = 2000;

    // Only what HTML needs escaped: a German title stays readable in the snippet people paste.
    static readonly HtmlEncoder Attributes = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Iframe(string absoluteSrc, int width, int height, string title)
    {
        var html = Attributes;
        return $"<iframe src=\"{html.Encode(absoluteSrc)}\" width=\"{width}\" height=\"{height}\" title=\"{html.Encode(title)}\" " +
               "style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>";
    }

    /// <summary>The frame's title, which screen readers announce: the map, and the city when it shows one.</summary>
    public static string FrameTitle(string lang, string? cityName) => cityName is null
        ? Texts.Site.Get("Share.Embed.FrameTitle", lang)
        : Texts.Site.Get("Share.Embed.FrameTitleCity", lang, cityName);

    /// <summary>
    /// The embed for an address of this site: the map (<c>/de</c>, <c>/de/embed</c>, with its filters) or a city
    /// page (<c>/de/cities/konstanz</c>); old addresses without a language count in <paramref name="fallbackLang"/>.
    /// Null when the address shows neither or names no city there is.
    /// </summary>
    public static async Task<EmbedTarget?> ForAddressAsync(Uri url, string fallbackLang, MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var path = new PathString(Uri.UnescapeDataString(url.AbsolutePath));
        var lang = SiteLanguages.OfPath(path);
        var rest = lang is null ? Addresses.Unprefixed(path) : path.Value![(1 + lang.Length)..];
        lang ??= fallbackLang;
        if (rest is null)
            return null;
        rest = rest.TrimEnd('/');
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        var state = query.Where(p => Addresses.MapStateNames.Contains(p.Key) && !string.IsNullOrEmpty(p.Value.ToString()))
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())).ToList();

        if (rest is "" or "/embed")
        {
            var shown = state.FirstOrDefault(p => p.Key == "city").Value;
            var name = shown is null ? null : await CityName(db, shown, cancellationToken);
            return new EmbedTarget(lang, state, FrameTitle(lang, name));
        }
        if (rest.StartsWith("/cities/", StringComparison.Ordinal) && rest.Count(c => c == '/') == 2)
        {
            var slug = rest["/cities/".Length..];
            var name = await CityName(db, slug, cancellationToken);
            return name is null ? null : new EmbedTarget(lang, [new("city", slug.ToLowerInvariant())], FrameTitle(lang, name));
        }
        return null;
    }

    static Task<string?> CityName(MovingCitiesDb db, string slug, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        return db.Cities.AsNoTracking().Where(c => c.Slug == key).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
    }
}
