using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Geodata;

public class SeedingTests
{
    static readonly int[] SeedCounts = [11, 8, 12, 1, 1];

    static Task<int[]> Counts(TestApp app) => app.WithDb(async db => new[]
    {
        await db.Cities.CountAsync(), await db.Commitments.CountAsync(), await db.CommitmentTypes.CountAsync(),
        await db.Networks.CountAsync(), await db.NewsPosts.CountAsync(),
    });

    [Fact]
    public async Task A_new_database_is_migrated_and_seeded_from_geodata()
    {
        using var app = new TestApp();
        Assert.Equal(SeedCounts, await Counts(app));
        var (applied, pending) = await app.WithDb(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), (await db.Database.GetPendingMigrationsAsync()).ToList()));
        Assert.Contains(applied, m => m.EndsWith("_InitialSchema"));
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Starting_twice_on_the_same_database_duplicates_nothing()
    {
        var database = TestApp.NewDatabasePath();
        using (var first = new TestApp(database))
            Assert.Equal(SeedCounts, await Counts(first));
        using var second = new TestApp(database);
        Assert.Equal(SeedCounts, await Counts(second));
    }

    [Fact]
    public async Task A_database_with_data_is_never_reseeded()
    {
        var database = TestApp.NewDatabasePath();
        using (var first = new TestApp(database))
            await first.WithDb(async db =>
            {
                db.Cities.Remove(await db.Cities.SingleAsync(c => c.Slug == "hanau"));
                await db.SaveChangesAsync();
            });
        using var second = new TestApp(database);
        Assert.Equal(10, (await Counts(second))[0]);
    }

    [Fact]
    public void A_broken_geodata_folder_stops_start_up_with_every_problem_named()
    {
        var folder = GeodataCopy.Of(TestApp.FixtureGeodata);
        File.WriteAllText(Path.Combine(folder, "cities.geojson"),
            File.ReadAllText(Path.Combine(folder, "cities.geojson")).Replace("\"implemented\"", "\"done\""));
        File.WriteAllText(Path.Combine(folder, "news", "broken.md"), "---\ntitle: x\ndate: 2025-13-01\nlanguage: fr\ncities: [atlantis]\n---\nBody");

        using var app = new TestApp(geodataPath: folder);
        var error = Assert.Throws<GeodataException>(() => app.Server);
        Assert.Contains(error.Problems, p => p.Contains("cities.geojson") && p.Contains("(bochum)") && p.Contains("properties.commitments[0].status"));
        Assert.Contains(error.Problems, p => p.StartsWith("news/broken.md: date"));
        Assert.Contains(error.Problems, p => p.StartsWith("news/broken.md: language"));
    }

    [Fact]
    public void A_commitment_type_needs_a_colour_family_and_shares_its_colour()
    {
        var folder = GeodataCopy.Of(TestApp.FixtureGeodata);
        var types = File.ReadAllText(Path.Combine(folder, "commitment-types.json"));
        // sea rescue keeps its family (harbour) but gets its own colour; transparency loses its family
        types = System.Text.RegularExpressions.Regex.Replace(types, "(\"key\": \"sea-rescue-support\",[\\s\\S]*?\"color\": )\"#0072b2\"", "$1\"#56b4e9\"");
        types = System.Text.RegularExpressions.Regex.Replace(types, "(\"key\": \"transparency\",[\\s\\S]*?),\\s*\"family\": \"stance\"", "$1");
        File.WriteAllText(Path.Combine(folder, "commitment-types.json"), types);

        var error = Assert.Throws<GeodataException>(() => GeodataReader.Read(folder));
        Assert.Contains(error.Problems, p => p.Contains("(transparency): family must be"));
        Assert.Contains(error.Problems, p => p.Contains("family \"harbour\" have different colours") && p.Contains("sea-rescue-support #56b4e9"));
    }
}

public static class GeodataCopy
{
    public static string Of(string source)
    {
        var target = Directory.CreateTempSubdirectory("movingcities-geodata-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
