using MovingCities.Web.Data;
using MovingCities.Web.Cities;

namespace MovingCities.Web.Commitments;

/// <summary>A city's dated, sourced promise of one <see cref="CommitmentType"/>.</summary>
public class Commitment : IPublicData
{
    public int Id { get; set; }

    public int CityId { get; set; }
    public City City { get; set; } = null!;

    public required string TypeKey { get; set; }
    public CommitmentType Type { get; set; } = null!;

    public CommitmentStatus Status { get; set; }

    /// <summary>ISO 8601 date as precise as the source: <c>2019</c>, <c>2019-07</c> or <c>2019-07-11</c>.</summary>
    public string? Date { get; set; }

    /// <summary>Our own words, in German and/or English; <see cref="LocalizedText.Empty"/> when there is none.</summary>
    public LocalizedText Summary { get; set; } = LocalizedText.Empty;

    /// <summary>Where the fact was read; every commitment has one.</summary>
    public required string SourceUrl { get; set; }

    /// <summary>When someone last checked the source still says this.</summary>
    public DateOnly? LastVerified { get; set; }
}

public enum CommitmentStatus
{
    Announced,
    Decided,
    Implemented,
    /// <summary>Decided once, withdrawn later (a council repealed its declaration).</summary>
    Revoked,
    /// <summary>A council voted the proposal down: never a commitment made.</summary>
    Rejected,
}

/// <summary>What a status means for the map, the filters and the counts.</summary>
public static partial class CommitmentStatuses
{
    /// <summary>
    /// A promise that stands: announced, decided or implemented. Revoked and rejected items colour no marker,
    /// match no type filter and count in no legend number unless a status filter asks for them.
    /// </summary>
    public static bool IsLive(this CommitmentStatus status) => status is CommitmentStatus.Announced or CommitmentStatus.Decided or CommitmentStatus.Implemented;

    /// <summary>
    /// Whether a text says a decision was withdrawn (repealed, revoked, rescinded; aufgehoben, widerrufen): such a
    /// summary on an item not marked <see cref="CommitmentStatus.Revoked"/> is a status the data forgot.
    /// </summary>
    public static bool SaysWithdrawn(string? text) => text is not null && Withdrawn().IsMatch(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(repeal|revok|revoca|rescind|withdr[ae]w|aufgehoben|aufheb|hob\b.*\bauf\b|widerruf|zurückgenommen|zurückgezogen)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Withdrawn();

    /// <summary>The year of a partial ISO date (<c>2019</c>, <c>2019-05</c>, <c>2019-05-20</c> → 2019), or null when undated or malformed.</summary>
    public static int? Year(string? date) => PartialDate.TryParse(date, out var year, out _, out _) ? year : null;
}
