using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.News;

namespace MovingCities.Web.Cities;

/// <summary>
/// Everything shown about one city: the API's city feature and the city page both read it from here.
/// Commitments in the timeline's order (<see cref="CommitmentTimeline"/>: newest first, undated last) with where
/// the city stands on each type; networks by name; published news newest first.
/// </summary>
public sealed record CityDetails(
    string Slug, string Name, string Country, string? Region, Commitments.LocalizedText? Description, string? Ags, string? WikidataId,
    string? ProfileUrl, double Longitude, double Latitude,
    List<CommitmentView> Commitments, List<NetworkReference> Networks, List<NewsReference> News)
{
    /// <summary>Where the city stands on each commitment type it has an item of, in legend order.</summary>
    public IReadOnlyList<CommitmentStanding> Standings { get; init; } = [];

    /// <summary>A city or town, or a district (counted apart).</summary>
    public PlaceKind Kind { get; init; }

    /// <returns>The city, or null when no city has that slug (a blank one, which routing lets through as null, included).</returns>
    public static async Task<CityDetails?> FindAsync(MovingCitiesDb db, string? slug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug))
            return null;
        var key = slug.ToLowerInvariant();
        var city = await db.Cities.AsNoTracking().Where(c => c.Slug == key).Select(c => new CityDetails(
            c.Slug, c.Name, c.Country, c.Region, c.Description.OrNull(), c.Ags, c.WikidataId, c.ProfileUrl, c.Longitude, c.Latitude,
            c.Commitments
                .OrderBy(m => m.Type.SortOrder).ThenBy(m => m.Date)
                .Select(m => new CommitmentView(
                    m.TypeKey, new Commitments.LocalizedText(m.Type.TitleDe, m.Type.TitleEn), m.Type.Color, m.Status, m.Date, m.Summary.OrNull(),
                    m.SourceUrl, m.LastVerified))
                .ToList(),
            c.Memberships.OrderBy(m => m.Network.Name)
                .Select(m => new NetworkReference(m.Network.Slug, m.Network.Name, m.Network.Url, m.Date, m.Summary, m.SourceUrl))
                .ToList(),
            c.NewsPosts.Where(p => p.Status == NewsStatus.Published)
                .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Slug)
                .Select(p => new NewsReference(p.Slug, p.Title, p.PublishedAt, "/news/" + p.Slug, p.Language))
                .ToList()) { Kind = c.Kind })
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        // The query reads them in legend order, which decides ties in the timeline and orders the standings.
        return city is null ? null
            : city with { Commitments = CommitmentTimeline.Order(city.Commitments), Standings = CommitmentTimeline.Standings(city.Commitments) };
    }
}
