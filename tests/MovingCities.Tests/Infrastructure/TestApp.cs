using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Infrastructure;

/// <summary>The real app on its own SQLite file, seeded from the test fixture geodata unless told otherwise.</summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    readonly string? _geodataPath;
    readonly string _environment;

    public TestApp(string? databasePath = null, string? geodataPath = null, string environment = "Development")
    {
        DatabasePath = databasePath ?? NewDatabasePath();
        _geodataPath = geodataPath;
        _environment = environment;
    }

    /// <summary>Outside Development, signing in and editing need HTTPS: clients then speak it.</summary>
    public Uri BaseAddress => new(_environment == "Development" ? "http://localhost" : "https://localhost");

    public string DatabasePath { get; }

    /// <summary>Runs a test's action between a request's checks and its write (inert unless armed).</summary>
    public SaveHook SaveHook { get; } = new();

    public static string NewDatabasePath() =>
        Path.Combine(Directory.CreateTempSubdirectory("movingcities-test-").FullName, "test.db");

    /// <summary>The project's real seed data.</summary>
    public static string RepoGeodata => Path.Combine(RepoRoot, "geodata");

    /// <summary>The small fixed dataset the contract tests pin their answers to (TestData/geodata/README.md).</summary>
    public static string FixtureGeodata => Path.Combine(AppContext.BaseDirectory, "TestData", "geodata");

    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MovingCities.sln")))
                    return dir.FullName;
            throw new InvalidOperationException("MovingCities.sln not found above the test binaries.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseSetting("ConnectionStrings:MovingCities", $"Data Source={DatabasePath}");
        builder.UseSetting("Geodata:Path", _geodataPath ?? FixtureGeodata);
        // The fixture has no outlines of its own; the real ones are data, not a contract.
        builder.UseSetting("Basemap:OutlinesPath", Path.Combine(RepoGeodata, "country-outlines.geojson"));
        builder.UseSetting("Gazetteer:Folder", RepoGeodata);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteMovingCitiesDb>(options => options.AddInterceptors(SaveHook)));
    }

    /// <summary>Runs something against the app's database in its own scope.</summary>
    public async Task<T> WithDb<T>(Func<MovingCitiesDb, Task<T>> action)
    {
        _ = Services; // make sure the host (and its seeding) has started, whether in memory or on Kestrel
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MovingCitiesDb>());
    }

    public Task WithDb(Func<MovingCitiesDb, Task> action) => WithDb(async db => { await action(db); return 0; });

    public async Task<JsonElement> GetJson(string url)
    {
        var response = await CreateClient().GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> Get(string url, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await CreateClient().SendAsync(request);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}

public static class JsonExtensions
{
    public static string[] FeatureIds(this JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToArray();

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
