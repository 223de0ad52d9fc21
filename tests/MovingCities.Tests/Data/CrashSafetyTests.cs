using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using MovingCities.Tests.Editors;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MovingCities.Tests.Data;

/// <summary>
/// kill -9 of the real app process in the middle of its writes. What protects the data is SQLite's write-ahead
/// log plus the app keeping each import and each save (item and history entry) in one transaction; these tests
/// pin that from the outside, so a change that splits a transaction or turns off durability fails here.
/// </summary>
/// <remarks>
/// Separate OS processes and no console swapping, so this class may run in parallel with the others. The two
/// tests share the class so that they do not compete with each other for the CPU their kill timings depend on.
/// </remarks>
public class CrashSafetyTests(ITestOutputHelper output)
{
    static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Enough that the import's transaction stays open for most of a second, so kills land inside it.</summary>
    const int ImportedCities = 1000;

    const int SpreadKills = 4;

    [Fact]
    public async Task An_import_killed_at_any_moment_of_its_work_leaves_a_sound_database_with_none_or_all_of_its_cities_and_the_app_starts_on_it()
    {
        var seeded = Sqlite.SeededDatabase();
        var seedCities = Count(seeded, "SELECT COUNT(*) FROM Cities");
        var file = Path.Combine(Path.GetDirectoryName(seeded)!, "crash-import.geojson");
        File.WriteAllText(file, BigImport(ImportedCities));

        // An import left to finish: its duration spreads the kills, and it shows that "all" means ImportedCities.
        var measured = CopyOf(seeded, "measured");
        TimeSpan migrated, duration;
        using (var import = AppProcess.Command(measured, null, "import", file))
        {
            migrated = await WhenMigrated(import, measured);
            var window = await TransactionWindow(import, measured);
            Assert.True(import.ExitCode == 0, import.Output);
            Assert.Contains($"{ImportedCities} cities created, 0 updated", import.Output);
            Assert.Equal(ImportedCities, Count(measured, "SELECT COUNT(*) FROM Cities WHERE Slug LIKE 'crash-import-%'"));
            duration = import.Elapsed;
            output.WriteLine($"uninterrupted import of {ImportedCities} cities: {duration.TotalMilliseconds:0} ms, migrated after " +
                $"{migrated.TotalMilliseconds:0} ms, write transaction seen open {window}");
        }

        // Kills start once the start-up migration is through: a kill inside it leaves EF Core's migration lock row,
        // which the next start removes only once it is a minute old (Data/MigrationLock.cs, MigrationLockTests);
        // this test is about the import's data and stays short.
        var rounds = new List<string>();
        for (var round = 0; round < SpreadKills; round++)
        {
            var fraction = (round + 0.5) / SpreadKills;
            rounds.Add(await KillImportAndCheck(seeded, seedCities, file, $"round {round + 1}", async (import, database) =>
            {
                var delay = (duration - migrated) * fraction;
                await WhenMigrated(import, database);
                await Task.WhenAny(import.Exited, Task.Delay(delay));
            }));
        }
        // The spread above lands in the transaction only as often as timing allows; this one waits until it is open.
        rounds.Add(await KillImportAndCheck(seeded, seedCities, file, "inside the transaction", async (import, database) =>
        {
            await WhenMigrated(import, database);
            await WhenTransactionOpen(import, database);
        }));
        // Committed but not yet checkpointed: the cities exist only in the WAL when the process dies. The window
        // between COMMIT and exit is tens of milliseconds, so this round may also see the import finish first.
        rounds.Add(await KillImportAndCheck(seeded, seedCities, file, "after the commit", async (import, database) =>
        {
            await WhenMigrated(import, database);
            await WhenTransactionOpen(import, database);
            var stopwatch = Stopwatch.StartNew();
            while (!import.HasExited && WriteLockHeld(database) && stopwatch.Elapsed < ProcessTimeout)
                await Task.Delay(2);
        }));

        foreach (var line in rounds)
            output.WriteLine(line);
        // Without a kill of a running import the rounds above would prove nothing.
        Assert.Contains(rounds, r => r.Contains("killed while running", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until the app's start-up migration has taken and released EF Core's migration lock: its row was
    /// written (the WAL grew) and is gone again.
    /// </summary>
    static async Task<TimeSpan> WhenMigrated(AppProcess import, string database)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < ProcessTimeout)
        {
            Assert.False(import.HasExited, $"the import finished before its migration was seen:\n{import.Output}");
            if (File.Exists(database + "-wal") && new FileInfo(database + "-wal").Length > 0
                && Count(database, "SELECT COUNT(*) FROM __EFMigrationsLock", readOnly: true) == 0)
                return import.Elapsed;
            await Task.Delay(5);
        }
        throw new TimeoutException("the import's migration was never seen to finish");
    }

    /// <summary>When the import held SQLite's write lock: from its first write to its COMMIT.</summary>
    static async Task<string> TransactionWindow(AppProcess import, string database)
    {
        TimeSpan? first = null, last = null;
        var stopwatch = Stopwatch.StartNew();
        while (!import.HasExited && stopwatch.Elapsed < ProcessTimeout)
        {
            if (WriteLockHeld(database))
                (first, last) = (first ?? import.Elapsed, import.Elapsed);
            await Task.Delay(20);
        }
        await import.WaitForExitAsync(ProcessTimeout);
        return first is null ? "never (shorter than the 20 ms polling)" : $"from {first.Value.TotalMilliseconds:0} to {last!.Value.TotalMilliseconds:0} ms";
    }

    /// <summary>Waits until the import's write transaction is seen open twice in a row.</summary>
    static async Task WhenTransactionOpen(AppProcess import, string database)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var seenOpen = 0; seenOpen < 2; await Task.Delay(10))
        {
            Assert.False(import.HasExited, $"the import finished before its transaction was seen open; make the file bigger:\n{import.Output}");
            Assert.True(stopwatch.Elapsed < ProcessTimeout, "the import's transaction was never seen open");
            seenOpen = WriteLockHeld(database) ? seenOpen + 1 : 0;
        }
    }

    /// <summary>
    /// Runs the import on a fresh copy of the seeded database, kills it when <paramref name="waitBeforeKill"/>
    /// returns, and checks what a restart would find.
    /// </summary>
    static async Task<string> KillImportAndCheck(string seeded, int seedCities, string file, string name, Func<AppProcess, string, Task> waitBeforeKill)
    {
        var database = CopyOf(seeded, name);
        string moment;
        using (var import = AppProcess.Command(database, null, "import", file))
        {
            await waitBeforeKill(import, database);
            var at = import.Elapsed;
            var running = !import.HasExited;
            var transactionOpen = running && WriteLockHeld(database);
            import.KillHard();
            moment = running
                ? $"killed while running at {at.TotalMilliseconds:0} ms{(transactionOpen ? ", transaction open" : "")}"
                : $"finished before the kill (exit {import.ExitCode})";
        }

        Assert.Equal(["ok"], Query(database, "PRAGMA integrity_check").Select(r => r[0]));
        Assert.Empty(Query(database, "PRAGMA foreign_key_check"));
        var imported = Count(database, "SELECT COUNT(*) FROM Cities WHERE Slug LIKE 'crash-import-%'");
        Assert.True(imported is 0 or ImportedCities, $"{name} ({moment}): {imported} of the file's {ImportedCities} cities were stored");
        Assert.Equal(imported, Count(database,
            "SELECT COUNT(*) FROM Commitments c JOIN Cities x ON x.Id = c.CityId WHERE x.Slug LIKE 'crash-import-%'"));
        Assert.Equal(seedCities + imported, Count(database, "SELECT COUNT(*) FROM Cities"));

        // A kill inside the start-up migration (timing can put one there) leaves EF Core's lock row; the next start
        // removes it once it is a minute old (Data/MigrationLock.cs). Age it instead of waiting that minute.
        if (Count(database, "SELECT COUNT(*) FROM __EFMigrationsLock") > 0)
            Sqlite.Execute(database, "UPDATE __EFMigrationsLock SET Timestamp = '2000-01-01 00:00:00'");
        // In-process to keep the test short; the editor test restarts a real server process after its kill.
        using var app = new TestApp(database);
        Assert.Equal(seedCities + imported, (await app.GetJson("/api/cities")).GetProperty("features").GetArrayLength());
        Assert.Equal(0, Count(database, "SELECT COUNT(*) FROM __EFMigrationsLock"));
        return $"{name}: {moment}; {(imported == 0 ? "none" : "all")} of the cities stored, integrity ok, the app served {seedCities + imported} cities";
    }

    [Fact]
    public async Task Every_editor_save_acknowledged_before_the_server_is_killed_is_stored_with_its_history_entry()
    {
        var database = TestApp.NewDatabasePath();
        using (var create = AppProcess.Command(database, $"{Editor.Password}\n", "create-editor", "crash@example.org"))
            Assert.True(await create.WaitForExitAsync(ProcessTimeout) == 0, create.Output);

        var acknowledged = new List<Save>();
        // Round two starts the server on what round one's kill left, so recovery is part of what is tested.
        foreach (var (round, killAfter) in new[] { (1, 30), (2, 60) })
        {
            using var server = await AppProcess.HealthyServerAsync(database, ProcessTimeout);
            var (saves, inFlight) = await SaveUntilKilled(server, round, killAfter);
            acknowledged.AddRange(saves);

            Assert.Equal(["ok"], Query(database, "PRAGMA integrity_check").Select(r => r[0]));
            Assert.Empty(Query(database, "PRAGMA foreign_key_check"));
            var unacknowledgedButStored = CheckSaves(database, acknowledged);
            output.WriteLine($"round {round}: {saves.Count} saves acknowledged, {inFlight} in flight when killed, " +
                $"{unacknowledgedButStored} of those stored anyway; all {acknowledged.Count} acknowledged so far present");
            Assert.True(inFlight > 0, "the kill should land while saves are on their way");
        }
    }

    sealed record Save(int PostId, string Title, int Version);

    const int Writers = 3;

    /// <summary>
    /// Signs in over HTTP and has <see cref="Writers"/> editors save their own post again and again until
    /// <paramref name="killAfter"/> saves have been acknowledged (302), then SIGKILLs the server.
    /// </summary>
    static async Task<(List<Save> Saves, int InFlight)> SaveUntilKilled(AppProcess server, int round, int killAfter)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var signIn = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "crash@example.org",
            ["Input.Password"] = Editor.Password,
            ["__RequestVerificationToken"] = await Token(client, "/account/login"),
        }));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)signIn.StatusCode}");
        // One token serves every post of this signed-in session, so the loop spends its time saving.
        var token = await Token(client, "/admin/posts");

        var saves = new List<Save>();
        var inFlight = 0;
        var enough = new TaskCompletionSource();
        var problems = new List<string>();
        var writers = Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            int? id = null;
            for (var n = 1; ; n++)
            {
                var title = $"Crash round {round} writer {writer} save {n}";
                var fields = Posts.Fields(title, $"Text of save {n}.", slug: $"crash-{round}-{writer}", version: n - 1);
                var content = new FormUrlEncodedContent(fields
                    .Append(new("__RequestVerificationToken", token))
                    .Append(new("Input.Cities", "osnabrueck")));
                HttpResponseMessage response;
                Interlocked.Increment(ref inFlight);
                try
                {
                    response = await client.PostAsync(id is null ? "/admin/posts?handler=Save" : $"/admin/posts/{id}?handler=Save", content);
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone; this save was never acknowledged
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
                if (response.StatusCode != HttpStatusCode.Redirect)
                {
                    var problem = $"writer {writer} save {n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    lock (problems)
                        problems.Add(problem);
                    enough.TrySetResult();
                    return;
                }
                id ??= int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
                lock (saves)
                {
                    saves.Add(new Save(id.Value, title, n));
                    if (saves.Count >= killAfter)
                        enough.TrySetResult();
                }
            }
        })).ToArray();

        await enough.Task.WaitAsync(ProcessTimeout);
        var inFlightAtKill = Volatile.Read(ref inFlight);
        server.KillHard();
        await Task.WhenAll(writers).WaitAsync(ProcessTimeout);
        Assert.Empty(problems);
        lock (saves)
            return (saves.ToList(), inFlightAtKill);
    }

    /// <summary>Asserts that every acknowledged save is stored with its history entry.</summary>
    /// <returns>How many saves the server stored but could not acknowledge before it died.</returns>
    static int CheckSaves(string database, List<Save> acknowledged)
    {
        var unacknowledgedButStored = 0;
        foreach (var post in acknowledged.GroupBy(s => s.PostId))
        {
            var last = post.MaxBy(s => s.Version)!;
            var row = Query(database, $"SELECT Title, Version FROM NewsPosts WHERE Id = {post.Key}").SingleOrDefault();
            Assert.True(row is not null, $"post {post.Key} ({last.Title}) is missing");
            var (title, version) = ((string)row[0], Convert.ToInt32(row[1], CultureInfo.InvariantCulture));
            // The writer had at most one save on its way when the server died: stored or not, never half.
            Assert.True(version == last.Version || version == last.Version + 1, $"post {post.Key}: version {version}, last acknowledged {last.Version}");
            if (version == last.Version)
                Assert.Equal(last.Title, title);
            else
                unacknowledgedButStored++;

            var history = Query(database, $"SELECT Label FROM Changes WHERE Subject = 'post' AND SubjectId = {post.Key} ORDER BY Id")
                .Select(r => (string)r[0]).ToList();
            Assert.Equal(version, history.Count); // one history entry per stored version: saved with it or not at all
            Assert.Equal(post.OrderBy(s => s.Version).Select(s => s.Title), history.Take(last.Version));
        }
        return unacknowledgedButStored;
    }

    static async Task<string> Token(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{path} has no antiforgery token");
    }

    /// <summary>A valid import file of <paramref name="count"/> new cities spread over Germany.</summary>
    static string BigImport(int count) => ImportTests.Collection(Enumerable.Range(1, count)
        .Select(i => ImportTests.Feature($"crash-import-{i}", $"Absturzhausen {i}", 6 + i % 90 * 0.1, 47.5 + i / 90 * 0.3))
        .ToArray());

    static string CopyOf(string seeded, string name)
    {
        var copy = Path.Combine(Path.GetDirectoryName(seeded)!, $"{string.Concat(name.Where(char.IsLetterOrDigit))}.db");
        File.Copy(seeded, copy);
        if (File.Exists(seeded + "-wal"))
            File.Copy(seeded + "-wal", copy + "-wal");
        return copy;
    }

    /// <summary>
    /// Whether another connection holds SQLite's write lock. Straight through SQLitePCL, because
    /// Microsoft.Data.Sqlite would wait out a busy database instead of answering.
    /// </summary>
    static bool WriteLockHeld(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False");
        connection.Open();
        var rc = SQLitePCL.raw.sqlite3_exec(connection.Handle, "BEGIN IMMEDIATE");
        if (rc == SQLitePCL.raw.SQLITE_OK)
        {
            SQLitePCL.raw.sqlite3_exec(connection.Handle, "ROLLBACK");
            return false;
        }
        return rc == SQLitePCL.raw.SQLITE_BUSY;
    }

    /// <summary>Reads the database as the next start of the app would find it (opening it recovers the WAL).</summary>
    static List<object[]> Query(string database, string sql, bool readOnly = false)
    {
        // Read-only while the app runs: a read-write connection closing last would checkpoint the app's WAL.
        using var connection = new SqliteConnection($"Data Source={database};Mode={(readOnly ? "ReadOnly" : "ReadWrite")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    static int Count(string database, string sql, bool readOnly = false) =>
        Convert.ToInt32(Query(database, sql, readOnly).Single()[0], CultureInfo.InvariantCulture);
}
