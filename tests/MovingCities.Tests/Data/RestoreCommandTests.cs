using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Data;

[Collection(nameof(CommandLine))]
public class RestoreCommandTests
{
    static string Beside(string database, string name) => Path.Combine(Path.GetDirectoryName(database)!, name);

    static string BackupOf(string database)
    {
        var file = Beside(database, $"backup-{Guid.NewGuid():N}.db");
        DatabaseBackup.Backup($"Data Source={database}", file);
        return file;
    }

    static void AssertRefused(string database, string file, string message)
    {
        var before = Sqlite.Fingerprint(database);

        var (exitCode, _, errors) = CommandLineTests.Run(database, "restore", file);

        Assert.Equal(1, exitCode);
        Assert.True(errors.Contains($"restore: {file} {message}"), errors);
        Assert.Contains("The database was not changed.", errors);
        Assert.Equal(before, Sqlite.Fingerprint(database));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(database)!, "*before-restore*"));
    }

    [Fact]
    public void Restore_refuses_a_file_that_is_not_a_sqlite_database()
    {
        var database = Sqlite.SeededDatabase();
        var file = Beside(database, "notes.db");
        File.WriteAllText(file, "these are not the pages you are looking for");

        AssertRefused(database, file, "is not a SQLite database");
    }

    /// <summary>A real backup with <paramref name="damage"/> done to the bytes of one of its pages.</summary>
    static string DamagedBackupOf(string database, string pageOf, Action<byte[]> damage)
    {
        var file = BackupOf(database);
        DamagePage(file, pageOf, damage);
        return file;
    }

    static void DamagePage(string file, string pageOf, Action<byte[]> damage)
    {
        var pageSize = int.Parse(Sqlite.Strings(file, "PRAGMA page_size").Single());
        var root = int.Parse(Sqlite.Strings(file, $"SELECT rootpage FROM sqlite_master WHERE name = '{pageOf}'").Single());
        var page = new byte[pageSize];
        using (var stream = File.Open(file, FileMode.Open))
        {
            stream.Position = (long)(root - 1) * pageSize;
            stream.ReadExactly(page);
            damage(page);
            stream.Position = (long)(root - 1) * pageSize;
            stream.Write(page);
        }
        List<string>? report = null;
        var failure = Record.Exception(() => report = Sqlite.Strings(file, "PRAGMA integrity_check"));
        Assert.True(failure is SqliteException || report is not ["ok"], "the damage must be one SQLite notices");
    }

    [Fact]
    public void Restore_refuses_a_database_whose_page_is_no_longer_a_table_page()
    {
        var database = Sqlite.SeededDatabase();
        // A b-tree page starts with its type (2, 5, 10 or 13); 0x42 is none of them.
        var file = DamagedBackupOf(database, "Cities", page => page[0] = 0x42);

        AssertRefused(database, file, "is damaged: SQLite Error 11: 'database disk image is malformed'");
    }

    [Fact]
    public void Restore_refuses_a_database_whose_index_disagrees_with_its_table()
    {
        var database = Sqlite.SeededDatabase();
        // The page stays well-formed, but the index now names a city the table does not have.
        var file = DamagedBackupOf(database, "IX_Cities_Slug", page =>
        {
            var at = page.AsSpan().IndexOf("konstanz"u8);
            Assert.True(at > 0, "the index page holds the slug");
            page[at] = (byte)'q';
        });

        AssertRefused(database, file, "is damaged: the integrity check reports ");
    }

    [Fact]
    public void Restore_refuses_a_database_written_by_a_newer_app()
    {
        var database = Sqlite.SeededDatabase();
        var file = BackupOf(database);
        Sqlite.Execute(file, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '12.0.0')");

        AssertRefused(database, file, "was written by a newer version of the app (migrations this build does not know: 29991231000000_FromTheFuture)");
    }

    [Fact]
    public void Restore_refuses_a_sqlite_database_that_is_not_the_apps()
    {
        var database = Sqlite.SeededDatabase();
        var file = Beside(database, "other.db");
        Sqlite.Execute(file, "CREATE TABLE Cities (Name TEXT); INSERT INTO Cities VALUES ('Atlantis')");

        AssertRefused(database, file, "is not a Moving Cities database: it has no __EFMigrationsHistory table");
    }

    [Fact]
    public async Task Restore_of_an_older_schema_migrates_it_to_the_current_one()
    {
        var database = Sqlite.SeededDatabase();
        var file = Beside(database, "old.db");
        var options = new DbContextOptionsBuilder<SqliteMovingCitiesDb>().UseSqlite($"Data Source={file}").Options;
        int later;
        await using (var old = new SqliteMovingCitiesDb(options))
        {
            later = old.Database.GetMigrations().Count() - 1; // every migration after the first
            await old.GetService<IMigrator>().MigrateAsync(old.Database.GetMigrations().First());
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Cities (Id, Slug, Name, SearchName, Country, Location, Longitude, Latitude) VALUES (1, 'atlantis', 'Atlantis', 'atlantis', 'GR', x'00', 25.4, 36.4);
                INSERT INTO Networks (Id, Slug, Name, SourceUrl) VALUES (1, 'alliance', 'Alliance', 'https://example.org/members');
                INSERT INTO NetworkMembership (CitiesId, NetworksId) VALUES (1, 1);
                """);
        }
        SqliteConnection.ClearAllPools();

        var (exitCode, standardOutput, errors) = CommandLineTests.Run(database, "restore", file);

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"restore: {database} now holds {file}, migrated by {later} migration(s)", standardOutput);
        await using var restored = new SqliteMovingCitiesDb(new DbContextOptionsBuilder<SqliteMovingCitiesDb>().UseSqlite($"Data Source={database}").Options);
        Assert.Empty(await restored.Database.GetPendingMigrationsAsync());
        Assert.Equal(["atlantis"], await restored.Cities.Select(c => c.Slug).ToListAsync());
        Assert.Equal("https://example.org/members", (await restored.Set<MovingCities.Web.Networks.NetworkMembership>().SingleAsync()).SourceUrl);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Restore_brings_back_the_backed_up_data_and_keeps_the_database_it_replaced()
    {
        var database = Sqlite.SeededDatabase();
        var backup = Beside(database, "backup.db");
        Assert.Equal(0, CommandLineTests.Run(database, "backup", backup).ExitCode);
        Sqlite.Execute(database, "UPDATE Cities SET Name = 'Renamed' WHERE Slug = 'konstanz'; DELETE FROM NewsPosts;");

        var (exitCode, standardOutput, errors) = CommandLineTests.Run(database, "restore", backup);

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"restore: {database} now holds {backup}; the database as it was is kept at ", standardOutput);
        Assert.DoesNotContain("migrated", standardOutput);
        Assert.Equal(["wal"], Sqlite.Strings(database, "PRAGMA journal_mode"));
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(database)!, "test.before-restore-*.db"));
        Assert.Equal(["Renamed"], Sqlite.Strings(kept, "SELECT Name FROM Cities WHERE Slug = 'konstanz'"));
        using var app = new TestApp(database);
        Assert.Equal("Konstanz", (await app.GetJson("/api/cities/konstanz")).GetProperty("properties").GetProperty("name").GetString());
        Assert.NotEqual(0, (await app.GetJson("/api/news")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Restore_replaces_a_damaged_database_and_keeps_its_bytes()
    {
        var database = Sqlite.SeededDatabase();
        var backup = BackupOf(database);
        DamagePage(database, "Cities", page => page[0] = 0x42);
        var damaged = File.ReadAllBytes(database);

        var (exitCode, standardOutput, errors) = CommandLineTests.Run(database, "restore", backup);

        Assert.True(exitCode == 0, errors);
        var kept = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(database)!, "test.before-restore-*.damaged.db"));
        Assert.Contains($"the database as it was is kept at {kept}", standardOutput);
        Assert.Equal(damaged, File.ReadAllBytes(kept));
        Assert.Equal(["ok"], Sqlite.Strings(database, "PRAGMA integrity_check"));
        using var app = new TestApp(database);
        Assert.Equal(11, (await app.GetJson("/api/cities")).GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Restore_onto_a_new_disk_without_a_database_creates_it_from_the_backup()
    {
        var original = Sqlite.SeededDatabase();
        Sqlite.Execute(original, "DELETE FROM Cities WHERE Slug = 'konstanz'");
        var backup = BackupOf(original);
        var database = TestApp.NewDatabasePath();

        var (exitCode, standardOutput, errors) = CommandLineTests.Run(database, "restore", backup);

        Assert.True(exitCode == 0, errors);
        Assert.DoesNotContain("kept at", standardOutput);
        Assert.Equal(["wal"], Sqlite.Strings(database, "PRAGMA journal_mode"));
        using var app = new TestApp(database);
        var cities = (await app.GetJson("/api/cities")).FeatureIds();
        Assert.Equal(10, cities.Length);
        Assert.DoesNotContain("konstanz", cities);
    }

    [Fact]
    public void Restore_of_a_missing_file_says_so()
    {
        var database = Sqlite.SeededDatabase();

        var (exitCode, _, errors) = CommandLineTests.Run(database, "restore", "/nonexistent/backup.db");

        Assert.Equal(1, exitCode);
        Assert.Contains("restore: no such file: /nonexistent/backup.db", errors);
    }
}
