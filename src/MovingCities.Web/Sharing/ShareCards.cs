using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Http;
using MovingCities.Web.Localization;
using MovingCities.Web.News;

namespace MovingCities.Web.Sharing;

/// <summary>
/// The share cards as served: drawn when first asked for in a data version, kept until the next public change.
/// The ETag is a hash of the PNG, so a change elsewhere redraws the card but leaves its ETag (and caches) alone;
/// only a change to what the card shows gives it a new one.
/// </summary>
public sealed class ShareCards(DataVersion dataVersion, IServiceScopeFactory scopes)
{
    /// <summary>
    /// 800 cities in two languages would be 1,600 PNGs of ~50 KB: only recently asked-for cards are kept, the
    /// others are redrawn (tens of milliseconds) when a link is shared again.
    /// </summary>
    const int MaxKept = 300;

    sealed record Kept(long Version, Representation Card);

    readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    /// <summary>A city's card in a language, or null when no city has that slug.</summary>
    public Task<Representation?> CityAsync(string slug, string lang, string host, CancellationToken cancellationToken) =>
        GetAsync($"city\n{slug.ToLowerInvariant()}\n{lang}\n{host}", async db =>
            await CityDetails.FindAsync(db, slug, cancellationToken) is { } city ? CityContent(city, lang, host) : null);

    /// <summary>The site's card in a language: for the map, the news and pages about no one city.</summary>
    public Task<Representation?> SiteAsync(string lang, string host, CancellationToken cancellationToken) =>
        GetAsync($"site\n{lang}\n{host}", async db => await SiteContent(db, lang, host, cancellationToken));

    async Task<Representation?> GetAsync(string key, Func<MovingCitiesDb, Task<CardContent?>> content)
    {
        var version = dataVersion.Current;
        if (_kept.TryGetValue(key, out var kept) && kept.Version == version)
            return kept.Card;
        await using var scope = scopes.CreateAsyncScope();
        var card = await content(scope.ServiceProvider.GetRequiredService<MovingCitiesDb>());
        if (card is null)
            return null;
        var representation = new Representation(ShareCard.Render(card), ShareCard.ContentType, compressible: false);
        if (_kept.Count >= MaxKept)
            _kept.Clear();
        _kept[key] = new Kept(version, representation);
        return representation;
    }

    /// <summary>The city's live commitments (what it has promised and not taken back), in legend order.</summary>
    public static CardContent CityContent(CityDetails city, string lang, string host)
    {
        var site = Texts.Site;
        var chips = Chips(city, lang).ToList();
        var place = string.Join(", ", new[] { city.Region, Countries.Name(city.Country, lang) }.Where(s => !string.IsNullOrEmpty(s)));
        var news = site.Get(city.News.Count == 1 ? "Share.Card.News.One" : "Share.Card.News.Other", lang,
            city.News.Count.ToString("N0", SiteLanguages.Culture(lang)));
        return new CardContent(site.Get("Site.Name", lang), city.Name, place, chips, site.Get("Share.Card.More", lang),
            site.Get("Share.Card.NoCommitments", lang), news, ShortAddress(host, Addresses.City(lang, city.Slug)));
    }

    /// <summary>
    /// The live commitments as chips. The year tells two commitments of one type apart (a ship sponsored twice);
    /// identical ones show once.
    /// </summary>
    static IEnumerable<CardChip> Chips(CityDetails city, string lang) => city.Commitments.Where(c => c.Status.IsLive())
        .Select(c => new CardChip(c.Color, $"{c.Title.In(lang)?.Text ?? c.Type} · {Texts.Site.Get($"Status.{c.Status}", lang)}" +
            (CommitmentStatuses.Year(c.Date) is { } year ? $" {year}" : "")))
        .Distinct();

    /// <summary>What the site card says: every commitment type with how many cities have made it.</summary>
    static async Task<CardContent> SiteContent(MovingCitiesDb db, string lang, string host, CancellationToken cancellationToken)
    {
        var site = Texts.Site;
        var culture = SiteLanguages.Culture(lang);
        var live = new[] { CommitmentStatus.Announced, CommitmentStatus.Decided, CommitmentStatus.Implemented };
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new
            {
                t.Key, t.TitleDe, t.TitleEn, t.Color,
                Cities = db.Commitments.Where(c => c.TypeKey == t.Key && live.Contains(c.Status)).Select(c => c.CityId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        var cities = await db.Cities.CountAsync(cancellationToken);
        var posts = await db.NewsPosts.CountAsync(p => p.Status == NewsStatus.Published, cancellationToken);
        var chips = types.Select(t => new CardChip(t.Color,
            $"{new LocalizedText(t.TitleDe, t.TitleEn).In(lang)?.Text ?? t.Key}: {t.Cities.ToString("N0", culture)}")).ToList();
        return new CardContent(site.Get("Site.Name", lang), site.Get("Share.Card.SiteTitle", lang), site.Get("Share.Card.SiteSubtitle", lang),
            chips, site.Get("Share.Card.More", lang), null,
            site.Get("Share.Card.SiteCounts", lang, cities.ToString("N0", culture), posts.ToString("N0", culture)),
            ShortAddress(host, Addresses.Map(lang)));
    }

    /// <summary>An address as people write it on paper: no scheme, no percent-escapes.</summary>
    public static string ShortAddress(string host, string path) => host + Uri.UnescapeDataString(path);

    /// <summary>The card's alt text: what it shows, in words.</summary>
    public static string CityAlt(CityDetails city, string lang)
    {
        var live = Chips(city, lang).Select(chip => chip.Text).ToList();
        return live.Count == 0
            ? Texts.Site.Get("Share.Card.AltNone", lang, city.Name, Countries.Name(city.Country, lang))
            : Texts.Site.Get("Share.Card.Alt", lang, city.Name, Countries.Name(city.Country, lang), string.Join(", ", live));
    }
}
