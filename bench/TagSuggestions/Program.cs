// Benchmark: tag suggestions for a 5,000-character post against the project's cities and the full gazetteer
// (geodata/), plus building the suggester, which happens after every saved change. Target: ≤ 5 ms per post.
// Usage: bench/tag-suggestions.sh   (BenchmarkDotNet, Release build)
//        bench/tag-corpus.sh        (the labelled corpus's figures per phenomenon and a plain timing: `corpus` mode)
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using MovingCities.Tests.Tagging;
using MovingCities.Web.Geodata;
using MovingCities.Web.Tagging;

if (args.Length > 0 && args[0] == "corpus")
{
    CorpusReport.Run(args.Skip(1).ToArray());
    return;
}
BenchmarkRunner.Run<TagSuggestionBenchmark>(args: args);

/// <summary>The suggester as the app builds it, over the repository's geodata folder.</summary>
static class RealData
{
    /// <summary>The repository's geodata folder, found above the benchmark's working directory.</summary>
    public static string GeodataFolder()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "geodata", GeodataFiles.Cities)))
                return Path.Combine(dir.FullName, "geodata");
        throw new InvalidOperationException("Run from inside the repository.");
    }

    public static List<KnownCity> Cities(string folder)
    {
        using var cities = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, GeodataFiles.Cities)));
        return cities.RootElement.GetProperty("features").EnumerateArray().Select(f =>
        {
            var p = f.GetProperty("properties");
            string? Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var position = f.GetProperty("geometry").GetProperty("coordinates");
            return new KnownCity(f.GetProperty("id").GetString()!, Text("name")!, Text("country")!, Text("region"), Text("gazetteerName"),
                position[1].GetDouble(), position[0].GetDouble());
        }).ToList();
    }

    /// <summary>A German news text of 5,000 characters: the conference post's body, then sentences naming cities.</summary>
    public static string Post(string folder)
    {
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
        return text.ToString()[..5_000];
    }
}

[MemoryDiagnoser]
public class TagSuggestionBenchmark
{
    List<KnownCity> _cities = [];
    Gazetteer _gazetteer = null!;
    string[] _commonWords = [];
    TaggingLexicon _lexicon = null!;
    TagSuggester _suggester = null!;
    string _post = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = RealData.GeodataFolder();
        _cities = RealData.Cities(folder);
        _gazetteer = Gazetteer.Load(folder);
        _commonWords = GazetteerSource.ReadWordList(Path.Combine(folder, GazetteerSource.CommonWordsFile)).ToArray();
        _lexicon = TaggingLexicon.Load(folder);
        _suggester = Build();
        _post = RealData.Post(folder);
    }

    TagSuggester Build() => new(_cities, _gazetteer.Places, _commonWords, _lexicon);

    [Benchmark(Description = "Suggest: 5,000-character post")]
    public int Suggest() => _suggester.Suggest(_post).Count;

    [Benchmark(Description = "Build the suggester (after a change)")]
    public TagSuggester BuildSuggester() => Build();
}

/// <summary>bench/tag-corpus.sh: figures per language and phenomenon, failing cases, time per 5,000 characters.</summary>
static class CorpusReport
{
    public static void Run(string[] args)
    {
        var folder = RealData.GeodataFolder();
        var repo = Path.GetDirectoryName(folder)!;
        var corpora = args.Length > 0 ? args : [Path.Combine(repo, "tests", "MovingCities.Tests", "TestData", "tagging", "tagging-dev.json")];
        var cities = RealData.Cities(folder);
        var places = Gazetteer.Load(folder).Places;
        var common = GazetteerSource.ReadWordList(Path.Combine(folder, GazetteerSource.CommonWordsFile)).ToArray();
        var lexicon = TaggingLexicon.Load(folder);
        var builds = new List<long>();
        TagSuggester suggester = null!;
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            suggester = new TagSuggester(cities, places, common, lexicon);
            builds.Add(clock.ElapsedMilliseconds);
        }
        Console.WriteLine(F($"building the suggester (after every saved change): {builds.Order().ElementAt(2)} ms median of 5 (first {builds[0]} ms)"));

        foreach (var corpus in corpora)
        {
            var results = TaggingCorpus.LoadFile(corpus).Select(c => TaggingCorpus.Run(suggester, c)).ToList();
            var (overall, groups) = TaggingCorpus.Summarize(results);
            var ambiguous = new TaggingCorpus.Figures();
            foreach (var r in results.Where(r => r.Case.Ambiguous))
                ambiguous.Add(r);
            Console.WriteLine($"\n=== {Path.GetFileName(corpus)} ({results.Count} cases; every suggestion counts, certain or not) ===");
            Console.WriteLine($"{"OVERALL",-20} {overall}");
            Console.WriteLine($"{"(ambiguous, apart)",-20} {ambiguous}");
            foreach (var (name, figures) in groups.Where(g => g.Key.StartsWith("lang:", StringComparison.Ordinal)))
                Console.WriteLine($"{name,-20} {figures}");
            Console.WriteLine("--- by phenomenon");
            foreach (var (name, figures) in groups.Where(g => !g.Key.StartsWith("lang:", StringComparison.Ordinal)))
                Console.WriteLine($"{name,-20} {figures}");
            var failing = results.Where(r => !r.Passes || r.WrongOpen.Length > 0).ToList();
            Console.WriteLine($"--- cases failing or suggesting more than required ({failing.Count})");
            foreach (var r in failing)
                Console.WriteLine($"[{r.Case.Id}] missed: {string.Join(", ", r.Missed)}  beyond must: {string.Join(", ", r.WrongOpen)}  said: {string.Join("; ", r.Predicted)}");

            // Time per 5,000 characters over the corpus's own texts, joined into one text and cut into 5,000-character posts.
            var joined = string.Join("\n\n", results.Select(r => r.Case.Text));
            while (joined.Length < 5_000)
                joined += "\n\n" + joined;
            var posts = Enumerable.Range(0, joined.Length / 5_000).Select(i => joined.Substring(i * 5_000, 5_000)).ToList();
            Console.WriteLine($"--- time, corpus text in {posts.Count} posts of 5,000 characters: {Time(suggester, posts)}");
        }
        Console.WriteLine($"--- time, the benchmark's 5,000-character news post: {Time(suggester, [RealData.Post(folder)])}");
    }

    static string Time(TagSuggester suggester, List<string> posts)
    {
        for (var i = 0; i < 200; i++)
            suggester.Suggest(posts[i % posts.Count]); // warm-up (JIT, tiered compilation)
        var runs = new List<double>();
        for (var round = 0; round < 15; round++)
        {
            var clock = Stopwatch.StartNew();
            const int iterations = 200;
            for (var i = 0; i < iterations; i++)
                suggester.Suggest(posts[i % posts.Count]);
            runs.Add(clock.Elapsed.TotalMilliseconds / iterations);
        }
        runs.Sort();
        return F($"median {runs[runs.Count / 2]:0.000} ms per 5,000 characters (fastest {runs[0]:0.000}, slowest {runs[^1]:0.000} of 15 rounds of 200)");
    }

    static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
