using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
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
}
