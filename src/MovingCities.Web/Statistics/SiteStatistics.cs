using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.Http;
using MovingCities.Web.News;

namespace MovingCities.Web.Statistics;

/// <summary>
/// The numbers of the whole map, for <c>GET /api/statistics</c> and the statistics page alike, counted once per
/// data version from the city layer's commitment facts (the ones the map filters), so they cannot disagree with it.
/// </summary>
/// <remarks>
/// Totals count only live commitments (announced, decided, implemented): a revoked or rejected item is no
/// commitment made, as everywhere on the site (<see cref="CommitmentStatuses.IsLive"/>). The counts per status
/// show every item, revoked and rejected ones included, so nothing disappears from view.
/// </remarks>
public sealed class SiteStatistics(DataVersion dataVersion, IServiceScopeFactory scopes, CityLayer layer)
{
    readonly PreparedPerVersion<Prepared> _prepared = new(dataVersion, scopes, async (db, cancellationToken) =>
    {
        var cities = (await layer.CitiesAsync(cancellationToken)).Cities;
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder)
            .Select(t => new TypeInfo(t.Key, new LocalizedText(t.TitleDe, t.TitleEn), t.Color)).ToListAsync(cancellationToken);
        var networks = await db.Networks.AsNoTracking()
            .Select(n => new NetworkCount(n.Slug, n.Name, n.Memberships.Count)).ToListAsync(cancellationToken);
        var lastChange = await LastChangeAsync(db, cancellationToken);
        var statistics = Count(cities.Select(c => (c.Summary.Country, c.Summary.Kind, (IEnumerable<CommitmentFact>)c.Facts)), types, networks, lastChange);
        return new Prepared(statistics, Representation.Json(statistics).Precompress());
    });

    public sealed record Prepared(StatisticsView Statistics, Representation Representation);

    public Task<Prepared> GetAsync(CancellationToken cancellationToken) => _prepared.GetAsync(cancellationToken);

    public sealed record TypeInfo(string Key, LocalizedText Title, string Color);

    /// <summary>
    /// The counts of a set of places, each given by its country, its kind (districts are counted apart from cities
    /// and towns) and its commitments as the filters see them.
    /// Years run without gaps from the first to the last dated live commitment, so a chart of them keeps time's scale.
    /// </summary>
    public static StatisticsView Count(IEnumerable<(string Country, PlaceKind Kind, IEnumerable<CommitmentFact> Facts)> places,
        IReadOnlyList<TypeInfo> types, IEnumerable<NetworkCount> networks, DateOnly? lastChange)
    {
        var perType = types.ToDictionary(t => t.Key, _ => new int[StatusCount]);
        var perCountry = new Dictionary<string, (int Cities, int Districts, int Commitments)>(StringComparer.Ordinal);
        var perYear = new SortedDictionary<int, int>();
        int undated = 0, commitments = 0, cities = 0, districts = 0;
        foreach (var (country, kind, facts) in places)
        {
            var live = 0;
            foreach (var fact in facts)
            {
                if (!perType.TryGetValue(fact.Type, out var statuses))
                    perType[fact.Type] = statuses = new int[StatusCount];
                statuses[(int)fact.Status]++;
                if (!fact.Status.IsLive())
                    continue;
                live++;
                if (fact.Year is { } year)
                    perYear[year] = perYear.GetValueOrDefault(year) + 1;
                else
                    undated++;
            }
            if (live == 0)
                continue;
            var district = kind == PlaceKind.District ? 1 : 0;
            cities += 1 - district;
            districts += district;
            commitments += live;
            var (c, d, m) = perCountry.GetValueOrDefault(country);
            perCountry[country] = (c + 1 - district, d + district, m + live);
        }

        // Catalogue order, as the legend; a type missing from the catalogue (the database forbids it) would come last.
        var known = types.ToDictionary(t => t.Key);
        var byType = types.Select(t => t.Key).Concat(perType.Keys.Where(k => !known.ContainsKey(k)).Order(StringComparer.Ordinal))
            .Select(key =>
            {
                var info = known.GetValueOrDefault(key);
                var counts = StatusCounts.Of(perType[key]);
                return new TypeCount(key, info?.Title ?? new LocalizedText(key, key), info?.Color ?? "#777777", counts.Live, counts);
            })
            .ToList();
        var byCountry = perCountry.OrderByDescending(c => c.Value.Commitments).ThenByDescending(c => c.Value.Cities).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new CountryCount(c.Key, c.Value.Cities, c.Value.Districts, c.Value.Commitments)).ToList();
        var byYear = perYear.Count == 0 ? [] : Enumerable.Range(perYear.Keys.First(), perYear.Keys.Last() - perYear.Keys.First() + 1)
            .Select(year => new YearCount(year, perYear.GetValueOrDefault(year))).ToList();
        var networkCounts = networks.OrderByDescending(n => n.Members).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        return new StatisticsView(commitments, cities, districts, byCountry.Count, byType, byCountry, byYear, undated, networkCounts, lastChange);
    }

    static readonly int StatusCount = Enum.GetValues<CommitmentStatus>().Length;

    /// <summary>
    /// The day public data last changed: the newest edit recorded in the history to a city, a commitment or a post
    /// that is public now, or the newest published post's date, whichever is later. A database seeded from files has
    /// no history yet, so then it is the newest post; null when there is neither.
    /// </summary>
    static async Task<DateOnly?> LastChangeAsync(MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var edited = await db.Changes.AsNoTracking()
            .Where(c => c.Subject == ChangeSubjects.City || c.Subject == ChangeSubjects.Commitment
                || (c.Subject == ChangeSubjects.Post && db.NewsPosts.Any(p => p.Id == c.SubjectId && p.Status == NewsStatus.Published)))
            .MaxAsync(c => (DateTime?)c.AtUtc, cancellationToken);
        var published = await db.NewsPosts.AsNoTracking().Published().MaxAsync(p => (DateOnly?)p.PublishedAt, cancellationToken);
        var editedDay = edited is { } at ? DateOnly.FromDateTime(at) : (DateOnly?)null;
        return editedDay > published || published is null ? editedDay : published;
    }
}

/// <param name="Commitments">Live commitments (announced, decided, implemented) on the whole map.</param>
/// <param name="Cities">Cities and towns with at least one live commitment.</param>
/// <param name="Districts">Districts (Landkreise, Kreise, Bezirke) with at least one live commitment, counted apart.</param>
/// <param name="Countries">Countries with at least one such place.</param>
/// <param name="Undated">Live commitments whose date is not known, counted apart from <paramref name="ByYear"/>.</param>
/// <param name="LastChange">The day public data last changed (see <see cref="SiteStatistics"/>).</param>
public sealed record StatisticsView(
    int Commitments, int Cities, int Districts, int Countries,
    IReadOnlyList<TypeCount> ByType, IReadOnlyList<CountryCount> ByCountry, IReadOnlyList<YearCount> ByYear, int Undated,
    IReadOnlyList<NetworkCount> Networks, DateOnly? LastChange);

/// <param name="Total">Live commitments of the type; <paramref name="ByStatus"/> counts every item, revoked and rejected too.</param>
public sealed record TypeCount(string Type, LocalizedText Title, string Color, int Total, StatusCounts ByStatus);

public sealed record StatusCounts(int Announced, int Decided, int Implemented, int Revoked, int Rejected)
{
    /// <summary>The counts from an array indexed by status.</summary>
    public static StatusCounts Of(int[] perStatus) => new(
        perStatus[(int)CommitmentStatus.Announced], perStatus[(int)CommitmentStatus.Decided], perStatus[(int)CommitmentStatus.Implemented],
        perStatus[(int)CommitmentStatus.Revoked], perStatus[(int)CommitmentStatus.Rejected]);

    [System.Text.Json.Serialization.JsonIgnore]
    public int Live => Announced + Decided + Implemented;

    public int Of(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Announced => Announced,
        CommitmentStatus.Decided => Decided,
        CommitmentStatus.Implemented => Implemented,
        CommitmentStatus.Revoked => Revoked,
        _ => Rejected,
    };
}

/// <param name="Cities">Cities and towns with a live commitment in the country.</param>
/// <param name="Districts">Districts (Landkreise, Kreise, Bezirke) with a live commitment there, counted apart.</param>
/// <param name="Commitments">The live commitments of both.</param>
public sealed record CountryCount(string Country, int Cities, int Districts, int Commitments);

public sealed record YearCount(int Year, int Commitments);

public sealed record NetworkCount(string Slug, string Name, int Members);
