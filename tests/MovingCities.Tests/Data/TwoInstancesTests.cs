using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace MovingCities.Tests.Data;

/// <summary>
/// "When one machine is not enough", as README promises it: two real app processes started at the same moment on one
/// empty PostgreSQL database, as behind a load balancer. They seed it once, serve the same data, both show an import
/// made by the command in a third process, and a sign-in made on one holds on the other.
/// </summary>
public class TwoInstancesTests(ITestOutputHelper output) : IDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>NOTIFY arrives at once; the rest is slack for a loaded CI machine, not the promise.</summary>
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    readonly string _database = TestPostgres.NewDatabaseName();

    public void Dispose() => TestPostgres.Drop(_database);

    [Fact]
    public async Task Two_instances_on_one_empty_postgres_database_seed_once_see_an_import_at_once_and_share_sign_ins()
    {
        var connection = TestPostgres.ConnectionString(_database);
        // Both processes are spawned before either is awaited: they race for the empty database.
        var starting = new[] { AppProcess.HealthyServerAsync(connection, StartTimeout), AppProcess.HealthyServerAsync(connection, StartTimeout) };
        using var one = await starting[0];
        using var two = await starting[1];
        using var toOne = new HttpClient { BaseAddress = one.BaseAddress };
        using var toTwo = new HttpClient { BaseAddress = two.BaseAddress };

        // Seeded once: as many cities as the fixture has, one stamp, one Data Protection key; both serve the same bytes.
        var fixtureCities = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestApp.FixtureGeodata, "cities.geojson")))
            .RootElement.GetProperty("features").GetArrayLength();
        Assert.Equal(fixtureCities, await Count("SELECT COUNT(*) FROM \"Cities\""));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM \"DataStamps\""));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM \"DataProtectionKeys\""));
        var layerOne = await toOne.GetAsync("/api/cities");
        var layerTwo = await toTwo.GetAsync("/api/cities");
        Assert.Equal(HttpStatusCode.OK, layerOne.StatusCode);
        Assert.Equal(layerOne.Headers.ETag, layerTwo.Headers.ETag);

        // An import by the command, a third process: both running instances serve it without a restart.
        var file = Path.Combine(Directory.CreateTempSubdirectory("movingcities-two-").FullName, "one-more.geojson");
        File.WriteAllText(file, ImportTests.Collection(ImportTests.Feature("neustadt-an-der-probe", "Neustadt an der Probe", 8.6, 50.1)));
        using (var import = AppProcess.Command(connection, null, "import", file))
            Assert.True(await import.WaitForExitAsync(StartTimeout) == 0, import.Output);
        var clock = Stopwatch.StartNew();
        foreach (var (name, client) in new[] { ("one", toOne), ("two", toTwo) })
        {
            while (!(await client.GetStringAsync("/api/cities")).Contains("\"neustadt-an-der-probe\"", StringComparison.Ordinal))
            {
                Assert.True(clock.Elapsed < Patience, $"instance {name} did not show the import within {Patience.TotalSeconds} s");
                await Task.Delay(20);
            }
            output.WriteLine($"instance {name} showed the import {clock.ElapsedMilliseconds} ms after the command ended");
        }
        Assert.Equal((await toOne.GetAsync("/api/cities")).Headers.ETag, (await toTwo.GetAsync("/api/cities")).Headers.ETag);

        // An editor made by the command, signed in on one instance through a form the other one served.
        using (var create = AppProcess.Command(connection, Editor.Password + "\n", "create-editor", "editor@example.org"))
            Assert.True(await create.WaitForExitAsync(StartTimeout) == 0, create.Output);
        var cookies = new CookieContainer();
        HttpClient Browser(AppProcess instance) => new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            { BaseAddress = instance.BaseAddress };
        var form = new HtmlParser().ParseDocument(await Browser(two).GetStringAsync("/account/login"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signIn = await Browser(one).PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "editor@example.org", ["Input.Password"] = Editor.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser(two).GetAsync("/admin/posts")).StatusCode);
        // Without the cookie the same page sends a stranger to the login form.
        using var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = two.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin/posts")).StatusCode);
    }

    async Task<long> Count(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.ConnectionString(_database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
