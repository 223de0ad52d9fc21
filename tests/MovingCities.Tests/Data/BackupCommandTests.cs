using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.News;
using Xunit.Abstractions;

namespace MovingCities.Tests.Data;

[Collection(nameof(CommandLine))]
public class BackupCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Backup_while_an_editor_saves_passes_the_integrity_check_and_holds_every_save_acknowledged_before_it_started()
    {
        using var app = new TestApp();
        _ = app.Server;
        var target = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "backup.db");
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        // Saves a draft and its history entry per round, as the post editor does, until told to stop.
        var editor = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
                db.NewsPosts.Add(new NewsPost { Slug = $"draft-{i}", Title = $"Draft {i}", Language = "en", Body = new string('x', 2000) });
                db.Changes.Add(new Change { Subject = ChangeSubjects.Post, Label = $"Draft {i}", Action = "created", Editor = "editor@example.org", AtUtc = DateTime.UtcNow });
                await db.SaveChangesAsync();
                Volatile.Write(ref acknowledged, i + 1);
            }
        });
        while (Volatile.Read(ref acknowledged) < 20 && !editor.IsCompleted)
            await Task.Delay(5);

        var savedBefore = Volatile.Read(ref acknowledged);
        var (exitCode, standardOutput, errors) = CommandLineTests.Run(app.DatabasePath, "backup", target);
        var savedAfter = Volatile.Read(ref acknowledged);
        await Task.Delay(100);
        stop.Cancel();
        await editor;

        Assert.True(exitCode == 0, errors);
        Assert.Matches(@"^backup: wrote .*backup\.db \([\d,]+ bytes, integrity ok\) in [\d,]+ ms\s*$", standardOutput);
        Assert.Equal(["ok"], Sqlite.Strings(target, "PRAGMA integrity_check"));
        var drafts = Sqlite.Strings(target, "SELECT Slug FROM NewsPosts WHERE Slug LIKE 'draft-%'").ToHashSet();
        Assert.All(Enumerable.Range(0, savedBefore), i => Assert.Contains($"draft-{i}", drafts));
        Assert.True(savedAfter > savedBefore, "the editor kept saving while the backup ran");
        output.WriteLine($"{savedBefore} saves acknowledged before the backup, {savedAfter - savedBefore} while the command ran, " +
            $"{drafts.Count} drafts in the backup; {standardOutput.Trim()}");
    }

    [Fact]
    public void Backup_of_a_seeded_database_is_a_standalone_copy_of_its_data()
    {
        var database = Sqlite.SeededDatabase();
        var target = Path.Combine(Path.GetDirectoryName(database)!, "backup.db");

        var (exitCode, standardOutput, errors) = CommandLineTests.Run(database, "backup", target);

        Assert.True(exitCode == 0, errors);
        Assert.Contains($"backup: wrote {target} ({new FileInfo(target).Length:N0} bytes", standardOutput);
        Assert.Equal(["delete"], Sqlite.Strings(target, "PRAGMA journal_mode"));
        Assert.Equal(Sqlite.Strings(database, "SELECT Slug FROM Cities ORDER BY Slug"), Sqlite.Strings(target, "SELECT Slug FROM Cities ORDER BY Slug"));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!, "*backup.db*"));
        output.WriteLine(standardOutput.Trim());
    }

    [Fact]
    public void Backup_refuses_to_replace_an_existing_file_and_leaves_it_as_it_was()
    {
        var database = Sqlite.SeededDatabase();
        var target = Path.Combine(Path.GetDirectoryName(database)!, "backup.db");
        File.WriteAllText(target, "last week's backup");

        var (exitCode, _, errors) = CommandLineTests.Run(database, "backup", target);

        Assert.Equal(1, exitCode);
        Assert.Contains($"backup: {target} already exists", errors);
        Assert.Equal("last week's backup", File.ReadAllText(target));
    }

    [Theory]
    [InlineData("/nonexistent-movingcities-folder/backup.db", "the folder /nonexistent-movingcities-folder does not exist")]
    [InlineData("/proc/movingcities-backup.db", "cannot write /proc/movingcities-backup.db")]
    public void Backup_to_a_place_it_cannot_write_exits_1_with_a_message(string target, string message)
    {
        var (exitCode, _, errors) = CommandLineTests.Run(Sqlite.SeededDatabase(), "backup", target);

        Assert.Equal(1, exitCode);
        Assert.Contains($"backup: {message}", errors);
    }

    [Fact]
    public void Backup_without_a_database_says_so_and_creates_none()
    {
        var database = TestApp.NewDatabasePath();

        var (exitCode, _, errors) = CommandLineTests.Run(database, "backup", Path.Combine(Path.GetDirectoryName(database)!, "backup.db"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"backup: there is no database at {database}", errors);
        Assert.False(File.Exists(database));
    }
}
