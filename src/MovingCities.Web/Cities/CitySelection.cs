using MovingCities.Web.Commitments;

namespace MovingCities.Web.Cities;

/// <summary>A commitment as the filters see it: its type, status and year (null when undated).</summary>
public sealed record CommitmentFact(string Type, CommitmentStatus Status, int? Year);

/// <summary>
/// Which cities a selection keeps: the one rule behind <c>GET /api/cities</c> and everything that reads the same
/// filters. The map runs the same rule in the browser (<c>wwwroot/js/selection.js</c>); both are checked against
/// one table of cases (<c>tests/selection-cases.json</c>), so they cannot drift.
/// </summary>
/// <remarks>
/// Filters on commitments (types, statuses, years) apply to the same commitment: "sea rescue, implemented,
/// 2020–2021" keeps cities with such a commitment, not cities having one of each. Several types, statuses,
/// countries or regions widen within their own filter (any of them); different filters narrow. Without a status
/// filter only live commitments (<see cref="CommitmentStatuses.IsLive"/>) count: revoked and rejected ones match
/// nothing unless asked for. With a year range, undated commitments count only when <see cref="Undated"/> is set.
/// </remarks>
public sealed record CitySelection(
    IReadOnlyList<string> Types, IReadOnlyList<CommitmentStatus> Statuses, int? From, int? To, bool Undated,
    IReadOnlyList<string> Countries, IReadOnlyList<string> Regions)
{
    public static readonly CitySelection All = new([], [], null, null, false, [], []);

    /// <summary>Whether any filter concerns the commitments themselves (a city without any then matches no longer).</summary>
    public bool FiltersCommitments => Types.Count > 0 || Statuses.Count > 0 || From is not null || To is not null;

    public bool HasYears => From is not null || To is not null;

    public bool Matches(string country, string? region, IEnumerable<CommitmentFact> commitments) =>
        (Countries.Count == 0 || Countries.Contains(country))
        && (Regions.Count == 0 || (region is not null && Regions.Contains(region)))
        && (!FiltersCommitments || commitments.Any(Matches));

    public bool Matches(CommitmentFact commitment) =>
        (Types.Count == 0 || Types.Contains(commitment.Type))
        && (Statuses.Count == 0 ? commitment.Status.IsLive() : Statuses.Contains(commitment.Status))
        && InYears(commitment.Year);

    bool InYears(int? year) => !HasYears || (year is { } y ? (From is null || y >= From) && (To is null || y <= To) : Undated);
}
