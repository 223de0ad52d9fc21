using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Geodata;

public class MigrationTests
{
    [Fact]
    public async Task Moving_network_sources_onto_memberships_keeps_every_source()
    {
        var database = TestApp.NewDatabasePath();
        var options = new DbContextOptionsBuilder<SqliteMovingCitiesDb>().UseSqlite($"Data Source={database}").Options;
        await using (var db = new SqliteMovingCitiesDb(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(
                (await db.Database.GetPendingMigrationsAsync()).First(m => m.EndsWith("_InitialSchema")));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO Cities (Id, Slug, Name, SearchName, Country, Location, Longitude, Latitude) VALUES (1, 'greifswald', 'Greifswald', 'greifswald', 'DE', x'00', 13.39, 54.09);
                INSERT INTO Networks (Id, Slug, Name, SourceUrl) VALUES (1, 'alliance', 'Alliance', 'https://example.org/members');
                INSERT INTO NetworkMembership (CitiesId, NetworksId) VALUES (1, 1);
                """);

            await db.Database.MigrateAsync();

            var membership = await db.Set<MovingCities.Web.Networks.NetworkMembership>().SingleAsync();
            Assert.Equal(1, membership.CityId);
            Assert.Equal("https://example.org/members", membership.SourceUrl);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Summaries_and_descriptions_written_before_bilingual_content_become_the_english_text()
    {
        var database = TestApp.NewDatabasePath();
        var options = new DbContextOptionsBuilder<SqliteMovingCitiesDb>().UseSqlite($"Data Source={database}").Options;
        await using (var db = new SqliteMovingCitiesDb(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(
                (await db.Database.GetPendingMigrationsAsync()).First(m => m.EndsWith("_EditorsHistoryAndVersions")));
            var point = Convert.ToHexString(Spatial.CreatePoint(9.17, 47.66).AsBinary());
            await db.Database.ExecuteSqlRawAsync($$"""
                INSERT INTO CommitmentTypes (Key, TitleDe, TitleEn, DescriptionDe, DescriptionEn, Color, SortOrder) VALUES ('sea-rescue-support', 'Seenotrettung', 'Sea rescue', 'd', 'd', '#0072b2', 0);
                INSERT INTO Cities (Id, Slug, Name, SearchName, Country, Location, Longitude, Latitude, Description, Version) VALUES (1, 'konstanz', 'Konstanz', 'konstanz', 'DE', x'{{point}}', 9.17, 47.66, 'A city on Lake Constance.', 1);
                INSERT INTO Cities (Id, Slug, Name, SearchName, Country, Location, Longitude, Latitude, Version) VALUES (2, 'bern', 'Bern', 'bern', 'CH', x'{{point}}', 7.44, 46.95, 1);
                INSERT INTO Commitments (Id, CityId, TypeKey, Status, Summary, SourceUrl) VALUES (1, 1, 'sea-rescue-support', 'implemented', 'Sponsors a rescue ship.', 'https://example.org/ship');
                INSERT INTO Commitments (Id, CityId, TypeKey, Status, SourceUrl) VALUES (2, 2, 'sea-rescue-support', 'decided', 'https://example.org/bern');
                INSERT INTO NewsPosts (Id, Slug, Title, Body, Language, PublishedAt, Status, Version) VALUES (1, 'old-post', 'Old post', 'Text', 'en', '2025-11-20', 'published', 1);
                """);

            await db.Database.MigrateAsync();

            var konstanz = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
            Assert.Equal(new LocalizedText(null, "A city on Lake Constance."), konstanz.Description);
            Assert.Equal(new LocalizedText(null, "Sponsors a rescue ship."), konstanz.Commitments.Single().Summary);
            Assert.Equal<(string, string)?>(("Sponsors a rescue ship.", "en"), konstanz.Commitments.Single().Summary.In("de"));
            var bern = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "bern");
            Assert.True(bern.Description.IsEmpty);
            Assert.Null(bern.Commitments.Single().Summary.In("en"));
            var post = await db.NewsPosts.SingleAsync();
            Assert.Equal(("en", (string?)null), (post.Language, post.TranslationSlug));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_fresh_database_migrates_without_entity_framework_warnings()
    {
        var logs = new CapturedLogs("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        using var app = new TestApp().WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(logs)));

        _ = app.Server;

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public async Task A_fresh_database_keeps_memberships_tied_to_their_city_and_network()
    {
        using var app = new TestApp();

        var foreignKeys = await app.WithDb(db => db.Database
            .SqlQueryRaw<string>("""SELECT "from" || '->' || "table" || '.' || "to" || ' ' || on_delete AS Value FROM pragma_foreign_key_list('NetworkMembership') ORDER BY "from" """)
            .ToListAsync());

        Assert.Equal(["CityId->Cities.Id CASCADE", "NetworkId->Networks.Id CASCADE"], foreignKeys);
    }
}
