using System.Text.Json;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Geodata;
using MovingCities.Web.Tagging;

namespace MovingCities.Tests.Tagging;

/// <summary>A suggester over the project's real cities (geodata/cities.geojson) the full gazetteer and the tagging word lists, built once
/// the way the app builds it (Tagging/TagSuggestions.cs).</summary>
public static class RealSuggester
{
    static readonly Lazy<TagSuggester> Instance = new(() =>
    {
        var folder = TestApp.RepoGeodata;
        using var cities = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, GeodataFiles.Cities)));
        var known = cities.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("properties");
            string? Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var position = f.GetProperty("geometry").GetProperty("coordinates");
            return new KnownCity(f.GetProperty("id").GetString()!, Text("name")!, Text("country")!, Text("region"), Text("gazetteerName"),
                position[1].GetDouble(), position[0].GetDouble(), Text("locationNote"));
        }).ToList();
        return new TagSuggester(known, Gazetteer.Load(folder).Places,
            GazetteerSource.ReadWordList(Path.Combine(folder, GazetteerSource.CommonWordsFile)), TaggingLexicon.Load(folder));
    });

    public static TagSuggester Get() => Instance.Value;
}
