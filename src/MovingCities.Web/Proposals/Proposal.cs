using MovingCities.Web.Commitments;

namespace MovingCities.Web.Proposals;

/// <summary>
/// A commitment (or a correction of one) proposed by someone without an account on <c>/{lang}/propose</c>. Nothing
/// of it is public until an editor accepts it (it becomes a commitment or changes one) or rejects it with a reason;
/// either way it is kept, with who reviewed it and when, and its contact email is deleted.
/// </summary>
public class Proposal
{
    public int Id { get; set; }

    /// <summary>The existing city's slug, or null for a place not on the map yet (<see cref="PlaceName"/>).</summary>
    public string? CitySlug { get; set; }

    /// <summary>A new place's name as typed (found in the gazetteer), when <see cref="CitySlug"/> is null.</summary>
    public string? PlaceName { get; set; }

    /// <summary>A key of the commitment type catalogue.</summary>
    public required string TypeKey { get; set; }

    public CommitmentStatus Status { get; set; }

    /// <summary>A <see cref="PartialDate"/>: <c>2019</c>, <c>2019-07</c> or <c>2019-07-11</c>; null when not known.</summary>
    public string? Date { get; set; }

    /// <summary>The proposer's short summary, stored as typed and only ever shown as text.</summary>
    public string? Summary { get; set; }

    /// <summary>The language of the page the proposal was sent from (de or en): the summary's language.</summary>
    public required string Language { get; set; }

    /// <summary>Where the proposer read it; http(s) only.</summary>
    public required string SourceUrl { get; set; }

    /// <summary>Optional contact address; never shown publicly, never exported, deleted when the proposal is reviewed.</summary>
    public string? Email { get; set; }

    public ProposalState State { get; set; } = ProposalState.Pending;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The editor who accepted or rejected it.</summary>
    public string? Reviewer { get; set; }

    public DateTime? ReviewedAtUtc { get; set; }

    /// <summary>Why it was rejected (required then), or a note on acceptance.</summary>
    public string? Reason { get; set; }
}

public enum ProposalState
{
    Pending,
    Accepted,
    Rejected,
}
