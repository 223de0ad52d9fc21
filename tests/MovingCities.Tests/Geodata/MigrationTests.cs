using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Geodata;

public class MigrationTests
{
    [Fact]
    public async Task Moving_network_sources_onto_memberships_keeps_every_source()
    {
        var database = TestApp.NewDatabasePath();
        var options = new DbContextOptionsBuilder<MovingCitiesDb>().UseSqlite($"Data Source={database}").Options;
        await using (var db = new MovingCitiesDb(options))
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
