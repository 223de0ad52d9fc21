using System.Text.Json;

namespace MovingCities.Web.Geodata.Facts;

/// <summary>
/// geodata/facts-rules.json: the deliberate decisions taken when turning a facts file (geodata/sources/) into geodata,
/// kept as data so each one can be read and reviewed.
/// </summary>
public sealed record FactsRules(List<PlaceRule> Places, List<OtherTypeRule> OtherTypes, List<NetworkRule> Networks)
{
    public const string File = "facts-rules.json";

    public static FactsRules Load(string folder) =>
        JsonSerializer.Deserialize<FactsRules>(System.IO.File.ReadAllText(Path.Combine(folder, File)), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidOperationException($"{File} is empty.");

    public PlaceRule? PlaceFor(string city, string country) =>
        Places.FirstOrDefault(p => p.City == city && p.Country == country);

    public OtherTypeRule? OtherTypeFor(string city, string country) =>
        OtherTypes.FirstOrDefault(o => o.City == city && o.Country == country);

    public NetworkRule? NetworkFor(string note) =>
        Networks.FirstOrDefault(n => n.NoteStartsWith.Any(prefix => note.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>Where a place the gazetteer names differently, or a district or county, goes on the map.</summary>
/// <param name="Region">An admin1 code or region name that picks the right one of several places.</param>
/// <param name="Note">Shown with the city and exempting it from the 5 km check: why the point is where it is.</param>
public sealed record PlaceRule(string City, string Country, string GazetteerName, string? Region, string? Note);

/// <summary>The catalogue type for a row the facts file calls <c>other</c>.</summary>
public sealed record OtherTypeRule(string City, string Country, string Type, string Why);

/// <summary>A network named at the start of <c>solidarity-city-network</c> rows' notes.</summary>
public sealed record NetworkRule(List<string> NoteStartsWith, string Slug, string Name, string? Description, string? Url);
