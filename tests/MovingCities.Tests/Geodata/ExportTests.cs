using System.Text.Json.Nodes;
using MovingCities.Web.Commitments;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Geodata;

public class ExportTests
{
    static Task Export(TestApp app, string folder) => app.WithDb(db => new GeodataExport(db).ExportAsync(folder));

    static Dictionary<string, string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.md"))
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);

    public static TheoryData<string> Folders() => new() { TestApp.FixtureGeodata, TestApp.RepoGeodata };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task Exporting_the_seeded_database_reproduces_geodata_exactly(string geodata)
    {
        using var app = new TestApp(geodataPath: geodata);
        var folder = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await Export(app, folder);

        // Only what export writes; the gazetteer, its tools and reports are not database content.
        string[] exported = ["cities.geojson", "commitment-types.json", "networks.json"];
        var expected = Files(geodata).Where(f => exported.Contains(f.Key) || f.Key.StartsWith("news/")).ToDictionary();
        Assert.Equal(expected.Keys.Order(), Files(folder).Keys.Order());
        foreach (var (name, content) in expected)
            Assert.Equal(content, Files(folder)[name]);
    }

    [Fact]
    public async Task Export_then_seeding_from_the_export_round_trips_the_data()
    {
        using var original = new TestApp();
        await original.WithDb(async db =>
        {
            await new GeodataImport(db).ImportCitiesAsync(ImportTests.Collection(ImportTests.Feature("testhausen", "Testhausen", 8.5, 50.5)), "extra.geojson");
        });
        var first = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await Export(original, first);

        using var copy = new TestApp(geodataPath: first);
        var second = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await Export(copy, second);

        Assert.Equal(Files(first), Files(second));
        Assert.Equal(
            await (await original.Get("/api/cities")).Content.ReadAsStringAsync(),
            await (await copy.Get("/api/cities")).Content.ReadAsStringAsync());
        Assert.Contains("testhausen", (await copy.GetJson("/api/cities")).FeatureIds());
    }

    [Fact]
    public async Task An_exported_cities_file_imports_back_without_changes()
    {
        using var app = new TestApp();
        var folder = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await Export(app, folder);
        var before = await (await app.Get("/api/cities")).Content.ReadAsStringAsync();

        var result = await app.WithDb(db => new GeodataImport(db).ImportCitiesAsync(File.ReadAllText(Path.Combine(folder, "cities.geojson")), "cities.geojson"));

        Assert.Equal(new GeodataImport.ImportResult(0, 11), result);
        Assert.Equal(before, await (await app.Get("/api/cities")).Content.ReadAsStringAsync());
    }
}

public class BilingualGeodataTests
{
    [Fact]
    public async Task Summaries_and_descriptions_in_one_or_both_languages_round_trip_through_export()
    {
        var feature = ImportTests.Feature("testhausen", "Testhausen", 8.5, 50.5);
        feature["properties"]!["description"] = new JsonObject { ["de"] = "Eine Stadt zum Testen." };
        var commitments = feature["properties"]!["commitments"]!.AsArray();
        commitments[0]!["summary"] = new JsonObject { ["de"] = "Erklärte sich zum Sicheren Hafen.", ["en"] = "Declared itself a safe harbour." };
        commitments.Add(new JsonObject
        {
            ["type"] = "sea-rescue-support", ["status"] = "decided", ["summary"] = new JsonObject { ["en"] = "Only in English." },
            ["sourceUrl"] = "https://example.org/rescue",
        });
        commitments.Add(new JsonObject
        {
            ["type"] = "additional-admission", ["status"] = "announced", ["summary"] = new JsonObject { ["de"] = "Nur auf Deutsch.", ["en"] = "" },
            ["sourceUrl"] = "https://example.org/admission",
        });
        using var original = new TestApp();
        await original.WithDb(db => new GeodataImport(db).ImportCitiesAsync(ImportTests.Collection(feature), "extra.geojson"));
        var first = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await original.WithDb(db => new GeodataExport(db).ExportAsync(first));

        var city = GeodataReader.Read(first).Cities.Single(c => c.Slug == "testhausen");
        Assert.Equal(new LocalizedText("Eine Stadt zum Testen.", null), city.Description);
        Assert.Equal(
            [
                new LocalizedText("Erklärte sich zum Sicheren Hafen.", "Declared itself a safe harbour."),
                new LocalizedText(null, "Only in English."),
                new LocalizedText("Nur auf Deutsch.", null),
            ],
            city.Commitments.OrderBy(c => c.Type == "safe-harbour-declaration" ? 0 : c.Type == "sea-rescue-support" ? 1 : 2).Select(c => c.Summary!));
        var written = JsonNode.Parse(File.ReadAllText(Path.Combine(first, "cities.geojson")))!["features"]!.AsArray()
            .Single(f => (string?)f!["id"] == "testhausen")!["properties"]!;
        Assert.Equal("""{"de":"Eine Stadt zum Testen."}""", written["description"]!.ToJsonString());
        Assert.Contains(written["commitments"]!.AsArray(), c => c!["summary"]!.ToJsonString() == """{"de":"Nur auf Deutsch."}""");

        using var copy = new TestApp(geodataPath: first);
        var second = Directory.CreateTempSubdirectory("movingcities-export-").FullName;
        await copy.WithDb(db => new GeodataExport(db).ExportAsync(second));
        Assert.Equal(File.ReadAllText(Path.Combine(first, "cities.geojson")), File.ReadAllText(Path.Combine(second, "cities.geojson")));
    }

    [Fact]
    public void Every_summary_in_geodata_has_English_and_German_wherever_the_translation_table_has_it()
    {
        var commitments = GeodataReader.Read(TestApp.RepoGeodata).Cities.SelectMany(c => c.Commitments).ToList();
        Assert.Equal(839, commitments.Count);
        // English from the facts files; German written by a person in tools/summary-translations.de.json and applied.
        var table = JsonNode.Parse(File.ReadAllText(Path.Combine(TestApp.RepoGeodata, "tools", "summary-translations.de.json")))!.AsObject();
        Assert.All(commitments, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Summary?.En), $"{c.SourceUrl}: no English summary");
            if (table.ContainsKey(c.Summary!.En!))
                Assert.Equal((string?)table[c.Summary.En!], c.Summary.De);
        });
        // The German of the first merge stays complete: 313 summaries before facts files 2-5.
        Assert.True(commitments.Count(c => !string.IsNullOrWhiteSpace(c.Summary?.De)) >= 313);
    }
}
