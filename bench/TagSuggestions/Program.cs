// Benchmark: tag suggestions for a 5,000-character post against the project's cities and the full gazetteer
// (geodata/), plus building the suggester, which happens after every saved change. Target: ≤ 5 ms per post.
// Usage: bench/tag-suggestions.sh   (BenchmarkDotNet, Release build)
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using MovingCities.Web.Geodata;
using MovingCities.Web.Tagging;

BenchmarkRunner.Run<TagSuggestionBenchmark>(args: args);

[MemoryDiagnoser]
public class TagSuggestionBenchmark
{
    List<KnownCity> _cities = [];
    Gazetteer _gazetteer = null!;
    string[] _commonWords = [];
    TagSuggester _suggester = null!;
    string _post = "";

    /// <summary>The repository's geodata folder, found above the benchmark's working directory.</summary>
    static string GeodataFolder()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "geodata", GeodataFiles.Cities)))
                return Path.Combine(dir.FullName, "geodata");
        throw new InvalidOperationException("Run from inside the repository.");
    }

    [GlobalSetup]
    public void Setup()
    {
        var folder = GeodataFolder();
        using var cities = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, GeodataFiles.Cities)));
        _cities = cities.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("properties");
            string? Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new KnownCity(f.GetProperty("id").GetString()!, Text("name")!, Text("country")!, Text("region"), Text("gazetteerName"));
        }).ToList();
        _gazetteer = Gazetteer.Load(folder);
        _commonWords = TagSuggester.ReadWordList(Path.Combine(folder, GazetteerSource.CommonWordsFile)).ToArray();
        _suggester = Build();

        // A German news text of 5,000 characters: the conference post's body, then sentences naming cities.
        var conference = File.ReadAllText(Directory.GetFiles(Path.Combine(folder, GeodataFiles.NewsFolder), "*.md")[0]);
        var text = new StringBuilder(conference[(conference.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..]);
        string[] sentences =
        [
            "Der Osnabrücker Stadtrat bekräftigte seine Zusage, weitere Menschen aufzunehmen. ",
            "In Frankfurt am Main und Offenbach sammelten Initiativen Unterschriften. ",
            "Hannovers Oberbürgermeister sprach mit Vertreterinnen aus Tübingen und Wuppertal. ",
            "Das Essen nach der Sitzung wurde von der Konstanzer Gruppe organisiert. ",
            "Bernhard Müller aus Bern erinnerte an die Anfänge der Bewegung im Sommer 2018. ",
        ];
        for (var i = 0; text.Length < 5_000; i++)
            text.Append(sentences[i % sentences.Length]);
        _post = text.ToString()[..5_000];
    }

    TagSuggester Build() => new(_cities, _gazetteer.Places, _commonWords);

    [Benchmark(Description = "Suggest: 5,000-character post")]
    public int Suggest() => _suggester.Suggest(_post).Count;

    [Benchmark(Description = "Build the suggester (after a change)")]
    public TagSuggester BuildSuggester() => Build();
}
