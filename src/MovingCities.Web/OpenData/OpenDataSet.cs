using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.News;

namespace MovingCities.Web.OpenData;

/// <summary>
/// Everything the open data answers read, in memory once per data version: every city with its commitments, the
/// type catalogue and the news counts. OGC items pages and the download files are all cut from this one read, so
/// paging through 100,000 cities does not query the database per page.
/// </summary>
public sealed class OpenDataSets(DataVersion dataVersion, IServiceScopeFactory scopes)
{
    readonly PreparedPerVersion<OpenDataSet> _set = new(dataVersion, scopes, OpenDataSet.ReadAsync);

    public Task<OpenDataSet> GetAsync(CancellationToken cancellationToken) => _set.GetAsync(cancellationToken);
}

/// <summary>A commitment as an open-data row: the commitment with its city and what the filters read.</summary>
public sealed record OpenCommitment(Commitment Commitment, City City, CommitmentFact Fact, DatePeriod? Period);

public sealed class OpenDataSet
{
    /// <summary>Every city in slug order, commitments loaded (in catalogue order, then by date).</summary>
    public required IReadOnlyList<City> Cities { get; init; }

    /// <summary>Every commitment in city order, then catalogue order: the commitments collection and <c>commitments.csv</c>.</summary>
    public required IReadOnlyList<OpenCommitment> Commitments { get; init; }

    public required IReadOnlyDictionary<string, CommitmentType> Types { get; init; }
    public required IReadOnlyDictionary<string, int> TypeOrder { get; init; }
    public required IReadOnlyDictionary<int, int> NewsCounts { get; init; }

    /// <summary>Each city's commitments as <see cref="OpenCommitment"/>s, by city id.</summary>
    public required IReadOnlyDictionary<int, OpenCommitment[]> ByCity { get; init; }

    public required IReadOnlyDictionary<string, City> BySlug { get; init; }
    public required IReadOnlyDictionary<int, OpenCommitment> ById { get; init; }

    /// <summary>
    /// How current the data is: the latest of the last editor's change to a city or commitment, the last check of a
    /// source and the newest commitment's date (its first day); null for a database with none of them.
    /// </summary>
    public DateOnly? DataDate { get; init; }

    /// <summary>When this version was read: the <c>timeStamp</c> of OGC answers, so the same data gives the same bytes (and ETag).</summary>
    public DateTimeOffset ReadAt { get; init; }

    /// <summary>minLon, minLat, maxLon, maxLat of every city, or null without cities.</summary>
    public double[]? Bbox { get; init; }

    /// <summary>The earliest start and latest end of the commitments' dates, or null when none is dated.</summary>
    public DatePeriod? Dates { get; init; }

    public static async Task<OpenDataSet> ReadAsync(MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var readAt = DateTimeOffset.UtcNow;
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var typeOrder = types.Select((t, i) => (t.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var cities = await db.Cities.AsNoTracking().Include(c => c.Commitments).AsSplitQuery().OrderBy(c => c.Slug).ToListAsync(cancellationToken);
        var newsCounts = await db.Cities.AsNoTracking()
            .Select(c => new { c.Id, Count = c.NewsPosts.Count(p => p.Status == NewsStatus.Published) })
            .Where(c => c.Count > 0).ToDictionaryAsync(c => c.Id, c => c.Count, cancellationToken);
        var lastChange = await db.Changes.AsNoTracking()
            .Where(c => c.Subject == ChangeSubjects.City || c.Subject == ChangeSubjects.Commitment)
            .MaxAsync(c => (DateTime?)c.AtUtc, cancellationToken);

        var byCity = new Dictionary<int, OpenCommitment[]>();
        var all = new List<OpenCommitment>();
        foreach (var city in cities)
        {
            city.Commitments = city.Commitments
                .OrderBy(c => typeOrder.GetValueOrDefault(c.TypeKey, int.MaxValue)).ThenBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => c.Id)
                .ToList();
            var rows = city.Commitments.Select(c => new OpenCommitment(c, city,
                new CommitmentFact(c.TypeKey, c.Status, CommitmentStatuses.Year(c.Date)), DatePeriod.Of(c.Date))).ToArray();
            byCity[city.Id] = rows;
            all.AddRange(rows);
        }

        var dated = all.Where(c => c.Period is not null).Select(c => c.Period!).ToList();
        DateOnly? changed = lastChange is { } at ? DateOnly.FromDateTime(at) : null;
        DateOnly? newest = dated.Count == 0 ? null : DateOnly.FromDateTime(dated.Max(p => p.Start).UtcDateTime);
        var dataDate = new[] { changed, newest }.Concat(all.Select(c => c.Commitment.LastVerified)).Max();
        return new OpenDataSet
        {
            Cities = cities,
            Commitments = all,
            Types = types.ToDictionary(t => t.Key),
            TypeOrder = typeOrder,
            NewsCounts = newsCounts,
            ByCity = byCity,
            BySlug = cities.ToDictionary(c => c.Slug, StringComparer.Ordinal),
            ById = all.ToDictionary(c => c.Commitment.Id),
            DataDate = dataDate,
            ReadAt = new DateTimeOffset(readAt.Ticks - readAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
            Bbox = cities.Count == 0 ? null :
                [cities.Min(c => c.Longitude), cities.Min(c => c.Latitude), cities.Max(c => c.Longitude), cities.Max(c => c.Latitude)],
            Dates = dated.Count == 0 ? null : new DatePeriod(dated.Min(p => p.Start), dated.Max(p => p.End)),
        };
    }
}

/// <summary>
/// The time a partial date stands for: <c>2019</c> is all of 2019, <c>2019-07</c> all of July, <c>2019-07-11</c> that
/// day (UTC), as a half-open span [Start, End).
/// </summary>
public sealed record DatePeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public static DatePeriod? Of(string? partialDate)
    {
        if (!PartialDate.TryParse(partialDate, out var year, out var month, out var day))
            return null;
        var start = new DateTimeOffset(year, month ?? 1, day ?? 1, 0, 0, 0, TimeSpan.Zero);
        return new DatePeriod(start, day is not null ? start.AddDays(1) : month is not null ? start.AddMonths(1) : start.AddYears(1));
    }

    /// <summary>Whether this period shares a moment with [from, to] (either end open when null).</summary>
    public bool Overlaps(DateTimeOffset? from, DateTimeOffset? to) =>
        (to is null || Start <= to) && (from is null || End > from);
}
