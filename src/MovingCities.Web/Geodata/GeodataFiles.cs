using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;

namespace MovingCities.Web.Geodata;

/// <summary>The file layout of a geodata folder; geodata/README.md documents each file's fields.</summary>
public static class GeodataFiles
{
    public const string CommitmentTypes = "commitment-types.json";
    public const string Cities = "cities.geojson";
    public const string Networks = "networks.json";
    public const string NewsFolder = "news";

    /// <summary>
    /// Public proposals and their reviews (<c>export</c> only, written when there are any; never with emails). The
    /// seed and <c>import</c> do not read it: proposals live in the database.
    /// </summary>
    public const string Proposals = "proposals.json";
}

/// <summary>
/// One entry of proposals.json: what was proposed, in which language, and how it was reviewed. The proposer's
/// contact email is never part of it, nor the reviewing editor's account (an email address too; the database keeps it).
/// </summary>
public sealed record ProposalRecord(
    int Id, string? City, string? Place, string Type, string Status, string? Date, string? Summary, string Language,
    string SourceUrl, string State, string CreatedAt, string? ReviewedAt, string? Reason);

/// <summary>One entry of commitment-types.json.</summary>
public sealed record CommitmentTypeRecord(string Key, LocalizedText Title, LocalizedText Description, string Color, string? Family = null);

/// <summary>One entry of networks.json: a network and its member cities.</summary>
public sealed record NetworkRecord(string Slug, string Name, string? Description, string? Url, List<MembershipRecord> Members);

/// <summary>A member city of a network (by slug), sourced like a commitment.</summary>
public sealed record MembershipRecord(string City, string? Date, string? Summary, string? SourceUrl);

/// <summary>A city read from a cities GeoJSON file, already validated; <see cref="Slug"/> is the feature's <c>id</c> (null: a slug is assigned).</summary>
public sealed record CityRecord(
    string? Slug, string Name, string Country, string? Region, double Longitude, double Latitude,
    string? Ags, string? WikidataId, LocalizedText? Description, IReadOnlyList<CommitmentRecord> Commitments,
    string? ProfileUrl = null, string? GazetteerName = null, string? LocationNote = null, PlaceKind Kind = PlaceKind.Municipality);

/// <summary>A commitment inside a city feature's <c>commitments</c> array; <see cref="Summary"/> is null when there is none.</summary>
public sealed record CommitmentRecord(
    string Type, string Status, string? Date, LocalizedText? Summary, string SourceUrl, string? LastVerified);

/// <summary>The front matter and body of one news/*.md file; <see cref="Translation"/> is the slug of the same post in the other language.</summary>
public sealed record NewsRecord(
    string Slug, string Title, string? Summary, string Date, string Language, string Status, string? Source,
    IReadOnlyList<string> Cities, string Body, string? Translation = null);

/// <summary>Problems found in geodata input, each naming the file and item; nothing is written while any exist.</summary>
public sealed class GeodataException(IReadOnlyList<string> problems)
    : Exception($"{problems.Count} problem(s) in geodata:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
