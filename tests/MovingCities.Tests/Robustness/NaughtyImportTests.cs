using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Text;

namespace MovingCities.Tests.Robustness;

/// <summary>
/// <c>import</c> with every naughty string as a city's name, region and commitment summary: it exits 0 or 1 with
/// a message per refused feature, never crashes; the features it does not refuse import, and the app serves them.
/// </summary>
[Collection(nameof(CommandLine))]
public partial class NaughtyImportTests
{
    /// <summary>JSON string syntax written by hand: a serializer refuses lone surrogates, a hostile file does not.</summary>
    static string Json(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var ch in text)
            json.Append(ch is < ' ' or '"' or '\\' || char.IsSurrogate(ch) ? $"\\u{(int)ch:x4}" : ch.ToString());
        return json.Append('"').ToString();
    }

    static string File(IEnumerable<(int Index, string Text)> cities) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", cities.Select(c =>
            $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{8 + c.Index * 0.001:0.000}}},50.1]},"properties":{"name":{{{Json(c.Text)}}},"country":"DE","region":{{{Json(c.Text)}}},"commitments":[{"type":"sea-rescue-support","status":"decided","summary":{"en":{{{Json(c.Text)}}} },"sourceUrl":"https://example.org/decision"}]}}""")) +
        "]}";

    [GeneratedRegex(@"feature #(?<n>\d+)")]
    private static partial Regex FeatureNumber();

    [Fact]
    public async Task Import_refuses_naughty_features_with_messages_and_imports_the_rest()
    {
        var database = TestApp.NewDatabasePath();
        var folder = Path.GetDirectoryName(database)!;
        var cities = NaughtyStrings.All.Select((text, index) => (Index: index, Text: text)).ToList();
        var all = Path.Combine(folder, "naughty.geojson");
        await System.IO.File.WriteAllTextAsync(all, File(cities));

        List<string> seededKeys;
        using (var app0 = new TestApp(database))
            seededKeys = await app0.WithDb(db => db.Cities.Where(c => c.Country == "DE").Select(c => c.SearchName).ToListAsync());
        var (exitCode, _, errors) = CommandLineTests.Run(database, "import", all);
        Assert.True(exitCode is 0 or 1, $"exit {exitCode}: {errors}");
        var problemLines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("feature #")).ToList();
        var refused = problemLines.Select(l => int.Parse(FeatureNumber().Match(l).Groups["n"].Value) - 1).ToHashSet();
        Assert.True(exitCode == 0 == (refused.Count == 0), errors);
        // Only what cannot be a city is refused: blank or letterless names, text over a limit, escaped lone surrogates.
        foreach (var index in refused)
        {
            var text = cities[index].Text;
            var explained = string.IsNullOrWhiteSpace(text) || Slug.From(text).Length == 0 || UnicodeText.Length(text.Trim()) > 200
                || text.Any(char.IsSurrogate) && !UnicodeText.Clean(text).SequenceEqual(text);
            Assert.True(explained, $"refused without a reason this test knows: {NaughtyStrings.Show(text)}: {string.Join(" | ", problemLines.Where(l => l.Contains($"feature #{index + 1}")))}");
        }

        var accepted = cities.Where(c => !refused.Contains(c.Index)).ToList();
        var rest = Path.Combine(folder, "naughty-accepted.geojson");
        await System.IO.File.WriteAllTextAsync(rest, File(accepted));
        (exitCode, var output, errors) = CommandLineTests.Run(database, "import", rest);
        Assert.True(exitCode == 0, errors);
        // A name that folds like a seeded German city's is that city (CityRules.NameKey): updated, not created twice.
        // "Osnabru\u0308ck" (decomposed) is one of them.
        var same = accepted.Where(c => seededKeys.Contains(MovingCities.Web.Cities.CityRules.NameKey(c.Text))).ToList();
        Assert.Contains(same, c => c.Text == "Osnabru\u0308ck");
        var counts = Regex.Match(output, @"(?<created>\d+) cities created, (?<updated>\d+) updated");
        Assert.Equal(accepted.Count, int.Parse(counts.Groups["created"].Value) + int.Parse(counts.Groups["updated"].Value));
        Assert.Equal(same.Select(c => MovingCities.Web.Cities.CityRules.NameKey(c.Text)).Distinct().Count(), int.Parse(counts.Groups["updated"].Value));

        using var app = new TestApp(database);
        var names = await app.WithDb(db => db.Cities.Where(c => c.Country == "DE" && c.Commitments.Any(m => m.SourceUrl == "https://example.org/decision"))
            .Select(c => new { c.Name, c.Slug }).ToListAsync());
        Assert.Equal(accepted.Select(c => UnicodeText.Clean(c.Text).Trim()).Order(StringComparer.Ordinal), names.Select(n => n.Name).Order(StringComparer.Ordinal));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cities")).StatusCode);
        foreach (var city in names)
        {
            var response = await client.GetAsync($"/cities/{city.Slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"/cities/{city.Slug} ({NaughtyStrings.Show(city.Name)}) → {(int)response.StatusCode}");
        }
    }
}
