using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Data;

/// <summary>
/// What only PostgreSQL does: the position as a PostGIS geometry with a spatial index, boxes answered by PostGIS,
/// several instances starting on one empty database, and changes announced by NOTIFY.
/// </summary>
public class PostgresTests
{
    [Fact]
    public async Task The_position_is_a_postgis_point_in_wgs84_with_a_gist_index()
    {
        using var app = TestApp.On<OnPostgres>();
        var (type, srid) = await app.WithDb(db => db.Database.SqlQuery<GeometryColumn>($"""
            SELECT type AS "Type", srid AS "Srid" FROM geometry_columns WHERE f_table_name = 'Cities' AND f_geometry_column = 'Location'
            """).SingleAsync());
        Assert.Equal(("POINT", 4326), (type, srid));
        var indexes = await app.WithDb(db => db.Database.SqlQuery<string>($"""
            SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename = 'Cities'
            """).ToListAsync());
        Assert.Contains(indexes, index => index.Contains("USING gist (\"Location\")"));
    }

    sealed record GeometryColumn(string Type, int Srid);

    [Fact]
    public async Task A_box_is_answered_from_the_geometry_by_postgis()
    {
        using var app = TestApp.On<OnPostgres>();
        // Hanau's plain coordinate columns say the South Atlantic; its geometry still says Hanau. A box round Hanau
        // finds it only if the database asks the geometry.
        await app.WithDb(db => db.Database.ExecuteSqlAsync($"""UPDATE "Cities" SET "Longitude" = 0, "Latitude" = -50 WHERE "Slug" = 'hanau'"""));

        var found = await app.GetJson("/api/cities?bbox=8.85,50.1,8.95,50.15");

        Assert.Equal(["hanau"], found.FeatureIds());
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_migrate_and_seed_it_once()
    {
        var database = TestPostgres.NewDatabaseName();
        using var first = TestApp.On<OnPostgres>(database);
        using var second = TestApp.On<OnPostgres>(database);
        using var reference = new TestApp();

        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        var expected = await Counts(reference);
        Assert.Equal(expected, await Counts(first));
        Assert.Equal(expected, await Counts(second));
        Assert.Equal(1, await first.WithDb(db => db.DataProtectionKeys.CountAsync()));
        TestPostgres.Drop(database);
    }

    static Task<(int Cities, int Commitments, int Types, int Networks, int Memberships, int Posts, int Stamps)> Counts(TestApp app) =>
        app.WithDb(async db => (await db.Cities.CountAsync(), await db.Commitments.CountAsync(), await db.CommitmentTypes.CountAsync(),
            await db.Networks.CountAsync(), await db.Set<MovingCities.Web.Networks.NetworkMembership>().CountAsync(),
            await db.NewsPosts.CountAsync(), await db.DataStamps.CountAsync()));

    [Fact]
    public async Task A_change_committed_by_another_process_is_learnt_from_its_notification_without_waiting_for_a_poll()
    {
        using var app = TestApp.On<OnPostgres>();
        var version = app.Services.GetRequiredService<DataVersion>();
        await using var other = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await other.OpenAsync();

        // The first change may be found by the read made when listening starts; the second only by notification,
        // as the fallback read comes every 30 s.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var before = version.Current;
            await using (var change = new Npgsql.NpgsqlCommand("""UPDATE "DataStamps" SET "Token" = gen_random_uuid()""", other))
                await change.ExecuteNonQueryAsync();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (version.Current == before && waited.Elapsed < TimeSpan.FromSeconds(10))
                await Task.Delay(20);
            Assert.True(version.Current > before, "the other process's change was not learnt within 10 s");
        }
        Assert.True(DataVersionWatcher.FallbackInterval > TimeSpan.FromSeconds(10));
    }
}
