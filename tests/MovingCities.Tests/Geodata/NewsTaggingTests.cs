using MovingCities.Tests.Infrastructure;
using MovingCities.Tests.Tagging;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Geodata;

/// <summary>
/// The posts in the repository's <c>geodata/news/</c> are tagged with exactly the cities on the map their text names,
/// as the tag suggester reads it (issue 14): the suggester run over title, summary and body must find every tagged
/// city (certain or not), and every city on the map it suggests must be tagged. Extra suggestions are not allowed:
/// a post that names a city on the map only in passing either tags it or says it otherwise, so that the editor's
/// suggestions and the post's tags agree.
/// </summary>
public class NewsTaggingTests
{
    static string NewsFolder => Path.Combine(TestApp.RepoGeodata, "news");

    static List<NewsRecord> Posts() => Directory.GetFiles(NewsFolder, "*.md").Order(StringComparer.Ordinal).Select(path =>
    {
        var problems = new List<string>();
        var post = NewsFile.Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), problems.Add);
        Assert.True(post is not null, $"{Path.GetFileName(path)}: {string.Join("; ", problems)}");
        return post!;
    }).ToList();

    [Fact]
    public void The_tag_suggester_finds_exactly_the_tagged_cities_in_every_post()
    {
        var posts = Posts();
        Assert.NotEmpty(posts);
        var suggester = RealSuggester.Get();
        var failures = new List<string>();
        foreach (var post in posts)
        {
            var text = string.Join("\n\n", new[] { post.Title, post.Summary, post.Body }.Where(t => !string.IsNullOrWhiteSpace(t)));
            var suggestions = suggester.Suggest(text).Where(s => s.Slug is not null).ToList();
            var suggested = suggestions.Select(s => s.Slug!).ToHashSet(StringComparer.Ordinal);
            var missed = post.Cities.Where(c => !suggested.Contains(c)).ToList();
            var extra = suggestions.Where(s => !post.Cities.Contains(s.Slug!))
                .Select(s => $"{s.Slug} (from \"{string.Join("\", \"", s.Words)}\"{(s.Certain ? "" : $"; {s.Doubt}")})").Distinct().ToList();
            if (missed.Count > 0)
                failures.Add($"{post.Slug}.md: tagged but not found in its text: {string.Join(", ", missed)}");
            if (extra.Count > 0)
                failures.Add($"{post.Slug}.md: suggested but not tagged: {string.Join(", ", extra)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_post_is_tagged_with_cities_on_the_map_each_once()
    {
        var known = RealSuggesterSlugs();
        foreach (var post in Posts())
        {
            Assert.True(post.Cities.Count > 0, $"{post.Slug}.md has no cities");
            Assert.True(post.Cities.Distinct().Count() == post.Cities.Count, $"{post.Slug}.md tags a city twice");
            Assert.All(post.Cities, c => Assert.True(known.Contains(c), $"{post.Slug}.md: {c} is not a city in cities.geojson"));
        }
    }

    static HashSet<string> RealSuggesterSlugs()
    {
        using var cities = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TestApp.RepoGeodata, GeodataFiles.Cities)));
        return cities.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
