using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Data;

/// <summary>
/// A process killed while migrating leaves EF Core's lock row behind; the next start must not wait for it forever
/// (found by the crash tests: a kill at that moment left the app hanging at every later start).
/// </summary>
[Collection(nameof(CommandLine))]
public class MigrationLockTests
{
    static void LeaveLock(string database, DateTimeOffset takenAt)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsLock" VALUES (1, $at);
            """;
        command.Parameters.AddWithValue("$at", takenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"));
        command.ExecuteNonQuery();
    }

    static long Locks(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Read while the command writes: a torn read counts as "not yet".</summary>
    static bool Logged(StringWriter log, string text)
    {
        try { return log.ToString().Contains(text, StringComparison.Ordinal); }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException) { return false; }
    }

    [Fact]
    public async Task A_lock_left_by_a_killed_process_is_removed_and_the_command_runs()
    {
        var database = TestApp.NewDatabasePath();
        using (var app = new TestApp(database))
            _ = await app.GetJson("/api/cities"); // migrated and seeded
        LeaveLock(database, DateTimeOffset.UtcNow - MigrationLock.StaleAfter - TimeSpan.FromMinutes(1));

        var export = Path.Combine(Path.GetDirectoryName(database)!, "export");
        var run = Task.Run(() => CommandLineTests.Run(database, "export", export));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == run, "export still waits for the dead process's migration lock after 30 s");
        var (exitCode, _, errors) = await run;
        Assert.True(exitCode == 0, errors);
        Assert.Equal(0, Locks(database));
    }

    [Fact]
    public async Task A_lock_held_right_now_is_waited_for_until_its_holder_releases_it()
    {
        var database = TestApp.NewDatabasePath();
        using (var app = new TestApp(database))
            _ = await app.GetJson("/api/cities");
        LeaveLock(database, DateTimeOffset.UtcNow);

        var export = Path.Combine(Path.GetDirectoryName(database)!, "export");
        var log = new StringWriter();
        var run = Task.Run(() => CommandLineTests.RunWatched(database, log, "export", export));
        var waited = Stopwatch.StartNew();
        while (!run.IsCompleted && !Logged(log, "Waiting for another process's migration") && waited.Elapsed < TimeSpan.FromSeconds(30))
            await Task.Delay(50);
        Assert.False(run.IsCompleted, "a fresh lock belongs to a process migrating now: it must be waited for, not removed");
        Assert.True(Logged(log, "Waiting for another process's migration"), "the command does not say what it waits for");
        Assert.Equal(1, Locks(database));

        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var release = connection.CreateCommand();
            release.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            release.ExecuteNonQuery();
        }
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(finished == run, "export did not go on after the lock was released");
        Assert.Equal(0, (await run).ExitCode);
    }

    [Fact]
    public async Task Looking_for_a_lock_does_not_create_the_database_so_a_new_one_still_gets_its_wal_journal()
    {
        var database = TestApp.NewDatabasePath();
        using (var app = new TestApp(database))
            _ = await app.GetJson("/api/cities");
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }
}
