using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;
using MovingCities.Web.Editors;
using Xunit.Abstractions;

namespace MovingCities.Tests.Data;

/// <summary>
/// One data version for every process: a change saved anywhere (another instance, the import command, a restore)
/// shows on a running server without a restart, and an idle server does not rebuild for nothing.
/// </summary>
public class SharedDataVersionTests(ITestOutputHelper output)
{
    /// <summary>The watcher looks once a second; the rest is slack for a loaded CI machine, not the promise.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_import_by_the_command_in_another_process_shows_on_the_running_server_without_a_restart()
    {
        using var app = new TestApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/cities/neustadt-an-der-probe")).StatusCode);
        var layerBefore = (await app.GetJson("/api/cities")).FeatureIds();

        var file = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "one-more.geojson");
        File.WriteAllText(file, ImportTests.Collection(ImportTests.Feature("neustadt-an-der-probe", "Neustadt an der Probe", 8.6, 50.1)));
        using (var import = AppProcess.Command(app.DatabasePath, null, "import", file))
            Assert.True(await import.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, import.Output);

        // The prepared layer (rebuilt per data version) is what must follow; a city's own answer reads the rows.
        var clock = Stopwatch.StartNew();
        while (!(await app.GetJson("/api/cities")).FeatureIds().Contains("neustadt-an-der-probe"))
        {
            Assert.True(clock.Elapsed < Patience, $"the imported city did not show within {Patience.TotalSeconds} s");
            await Task.Delay(50);
        }
        output.WriteLine($"the import showed after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(layerBefore.Append("neustadt-an-der-probe").Order(), (await app.GetJson("/api/cities")).FeatureIds());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cities/neustadt-an-der-probe")).StatusCode);
    }

    [Fact]
    public async Task The_watchers_reads_carry_their_tag_so_an_idle_server_sends_no_counted_commands()
    {
        using var app = new TestApp();
        _ = app.Server;
        var (mark, watches) = (app.Commands.Count, app.Commands.WatcherReads);
        await Task.Delay(DataVersionWatcher.Interval * 3.5);

        // The watcher read at least twice while nothing else ran, each read tagged, none counted as a request's.
        Assert.True(app.Commands.WatcherReads - watches >= 2, $"{app.Commands.WatcherReads - watches} tagged reads");
        Assert.Empty(app.Commands.Since(mark));
    }

    [Fact]
    public async Task A_stamp_written_by_another_process_counts_once_and_an_idle_server_keeps_its_version()
    {
        using var app = new TestApp();
        _ = app.Server;
        var version = app.Services.GetRequiredService<DataVersion>();
        await Task.Delay(DataVersionWatcher.Interval * 2.5); // the watcher has looked at the seed's stamp by now
        var idle = version.Current;
        await Task.Delay(DataVersionWatcher.Interval * 2.5);
        Assert.Equal(idle, version.Current);

        // As another instance's save would leave it: a token this process never wrote.
        Sqlite.Execute(app.DatabasePath, $"UPDATE DataStamps SET Token = '{Guid.NewGuid().ToString().ToUpperInvariant()}'");
        var clock = Stopwatch.StartNew();
        while (version.Current == idle)
        {
            Assert.True(clock.Elapsed < Patience, "the other process's change was not noticed");
            await Task.Delay(20);
        }
        var changed = version.Current;
        await Task.Delay(DataVersionWatcher.Interval * 2.5);
        Assert.Equal(changed, version.Current);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_counts_when_it_commits_and_not_at_all_when_rolled_back()
    {
        using var app = new TestApp();
        var version = app.Services.GetRequiredService<DataVersion>();

        await app.WithDb(async db =>
        {
            var before = version.Current;
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                (await db.Cities.SingleAsync(c => c.Slug == "konstanz")).Description = new(null, "Rolled back.");
                await db.SaveChangesAsync();
                Assert.Equal(before, version.Current);
                await transaction.RollbackAsync();
            }
            Assert.Equal(before, version.Current);
            db.ChangeTracker.Clear();

            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                (await db.Cities.SingleAsync(c => c.Slug == "konstanz")).Description = new(null, "Committed.");
                await db.SaveChangesAsync();
                // Counted now, a request could rebuild from the data as it was and keep that as current.
                Assert.Equal(before, version.Current);
                await transaction.CommitAsync();
            }
            Assert.Equal(before + 1, version.Current);
        });
        // The watcher then finds this process's own stamp and does not count it again.
        var afterCommit = version.Current;
        await Task.Delay(DataVersionWatcher.Interval * 2.5);
        Assert.Equal(afterCommit, version.Current);
    }

    [Fact]
    public async Task An_editor_signed_in_on_one_instance_is_signed_in_on_another_and_after_a_restart()
    {
        using var one = new TestApp();
        _ = one.Server;
        await using (var scope = one.Services.CreateAsyncScope())
            Assert.Empty(await EditorAccounts.CreateAsync(scope.ServiceProvider, "editor@example.org", Editor.Password, admin: false));
        using var two = new TestApp(databasePath: one.DatabasePath);
        _ = two.Server;
        // One browser, two instances behind a load balancer: the cookies go to whichever answers.
        var cookies = new System.Net.CookieContainer();
        Editor Browser(TestApp app) => new(app.CreateDefaultClient(app.BaseAddress, new CookieContainerHandler(cookies)));

        // The login form comes from one instance, the sign-in goes to the other: the antiforgery token must hold.
        var token = await Browser(two).Token("/account/login");
        var signIn = await Browser(one).Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "editor@example.org", ["Input.Password"] = Editor.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Browser(two).Client.GetAsync("/admin/posts")).StatusCode);
        two.Dispose();
        using var restarted = new TestApp(databasePath: one.DatabasePath);
        Assert.Equal(HttpStatusCode.OK, (await Browser(restarted).Client.GetAsync("/admin/posts")).StatusCode);
        // Not signed in for a stranger: the page really is closed.
        Assert.NotEqual(HttpStatusCode.OK, (await restarted.CreateDefaultClient(restarted.BaseAddress).GetAsync("/admin/posts")).StatusCode);

        // One key, in the database, made at the first start and found by the later ones.
        Assert.Equal(1, await restarted.WithDb(db => db.DataProtectionKeys.CountAsync()));
    }

    [Fact]
    public async Task A_restore_gives_the_data_a_new_stamp_so_running_servers_rebuild()
    {
        var database = Sqlite.SeededDatabase();
        var backup = Path.Combine(Path.GetDirectoryName(database)!, "backup.db");
        var before = Sqlite.Strings(database, "SELECT Token FROM DataStamps").Single();
        using (var command = AppProcess.Command(database, null, "backup", backup))
            Assert.True(await command.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, command.Output);
        using (var command = AppProcess.Command(database, null, "restore", backup))
            Assert.True(await command.WaitForExitAsync(TimeSpan.FromSeconds(60)) == 0, command.Output);

        Assert.NotEqual(before, Sqlite.Strings(database, "SELECT Token FROM DataStamps").Single());
        Assert.Equal(before, Sqlite.Strings(backup, "SELECT Token FROM DataStamps").Single());
    }
}
