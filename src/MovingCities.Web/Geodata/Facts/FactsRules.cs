using System.Text.Json;

namespace MovingCities.Web.Geodata.Facts;

/// <summary>
/// geodata/facts-rules.json: the deliberate decisions taken when turning the facts files (geodata/sources/) into
/// geodata, kept as data so each one can be read and reviewed.
/// </summary>
public sealed record FactsRules(
    List<PlaceRule> Places, List<OtherTypeRule> OtherTypes, List<NetworkRule> Networks,
    NonMemberNetworkRule? NetworkRowsNotMemberships = null, List<StatusRule>? Statuses = null, List<SkipRule>? Skips = null)
{
    public const string File = "facts-rules.json";

    public static FactsRules Load(string folder) =>
        JsonSerializer.Deserialize<FactsRules>(System.IO.File.ReadAllText(Path.Combine(folder, File)), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidOperationException($"{File} is empty.");

    public PlaceRule? PlaceFor(string city, string country) =>
        Places.FirstOrDefault(p => p.City == city && p.Country == country);

    /// <summary>The rule for one place's <c>other</c> row, else the first whose words the note contains.</summary>
    public OtherTypeRule? OtherTypeFor(FactRow row) =>
        OtherTypes.FirstOrDefault(o => o.City == row.City && o.Country == row.Country)
        ?? OtherTypes.FirstOrDefault(o => o.City is null && Contains(row.Note, o.NoteContains));

    /// <summary>The network a note names: one it starts with, else the first whose words it contains.</summary>
    public NetworkRule? NetworkFor(string note) =>
        Networks.FirstOrDefault(n => n.NoteStartsWith?.Any(prefix => note.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) == true)
        ?? Networks.FirstOrDefault(n => Contains(note, n.NoteContains));

    /// <summary>A status the row's own note contradicts (a model that later ended), with why.</summary>
    public StatusRule? StatusFor(FactRow row) =>
        Statuses?.FirstOrDefault(s => s.City == row.City && s.Country == row.Country && s.Commitment == row.Commitment && s.File == row.File);

    public SkipRule? SkipFor(FactRow row) =>
        Skips?.FirstOrDefault(s => s.City == row.City && s.Country == row.Country && s.Commitment == row.Commitment && s.File == row.File);

    static bool Contains(string note, List<string>? words) =>
        words?.Any(w => note.Contains(w, StringComparison.OrdinalIgnoreCase)) == true;
}

/// <summary>Where a place the gazetteer names differently, or a district or county, goes on the map.</summary>
/// <param name="Region">An admin1 code or region name that picks the right one of several places.</param>
/// <param name="Note">Shown with the city and exempting it from the 5 km check: why the point is where it is.</param>
public sealed record PlaceRule(string City, string Country, string GazetteerName, string? Region, string? Note);

/// <summary>
/// The catalogue type for a row the facts file calls <c>other</c>: for one place (<paramref name="City"/>,
/// <paramref name="Country"/>), or for every <c>other</c> row whose note contains one of <paramref name="NoteContains"/>.
/// </summary>
public sealed record OtherTypeRule(string? City, string? Country, string Type, string Why, List<string>? NoteContains = null);

/// <summary>A network named in <c>solidarity-city-network</c> rows' notes: at their start, or anywhere.</summary>
public sealed record NetworkRule(List<string>? NoteStartsWith, string Slug, string Name, string? Description, string? Url, List<string>? NoteContains = null);

/// <summary>
/// What a <c>solidarity-city-network</c> row becomes when it is not a membership (announced, rejected or revoked:
/// a membership has no status): a commitment of this type with the row's status.
/// </summary>
public sealed record NonMemberNetworkRule(string Type, string Why);

/// <summary>A row's status replaced, because the row's own note says it later changed.</summary>
public sealed record StatusRule(string File, string City, string Country, string Commitment, string Status, string Why, string? Date = null);

/// <summary>A row left out on purpose, with why (it is listed in the report).</summary>
public sealed record SkipRule(string File, string City, string Country, string Commitment, string Why);
