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
