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

/// <summary>
/// The real app on its own database (a SQLite file, or a PostgreSQL database of its own on <see cref="TestPostgres"/>),
/// seeded from the test fixture geodata unless told otherwise.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    readonly string? _geodataPath;
    readonly string _environment;
    readonly bool _ownsDatabase;

    /// <param name="databasePath">A SQLite file, or on PostgreSQL a database name (<see cref="NewDatabase"/>); a new one when null.</param>
    public TestApp(string? databasePath = null, string? geodataPath = null, string environment = "Development",
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        _ownsDatabase = databasePath is null;
        // On PostgreSQL a host seeded from the fixture starts from a copy of one migrated and seeded by the app.
        DatabasePath = databasePath ?? (provider == DatabaseProvider.PostgreSQL && geodataPath is null
            ? TestPostgres.NewFixtureDatabase() : NewDatabase(provider));
        _geodataPath = geodataPath;
        _environment = environment;
    }

    /// <summary>A fresh database on the test type's provider.</summary>
    public static TestApp On<TDatabase>(string? databasePath = null) where TDatabase : ITestDatabase =>
        new(databasePath, provider: TDatabase.Provider);

    public DatabaseProvider Provider { get; }

    /// <summary>The connection string the app is given.</summary>
    public string ConnectionString => Provider == DatabaseProvider.PostgreSQL
        ? TestPostgres.ConnectionString(DatabasePath) : $"Data Source={DatabasePath}";

    public static string NewDatabase(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSQL ? TestPostgres.NewDatabaseName() : NewDatabasePath();

    /// <summary>Outside Development, signing in and editing need HTTPS: clients then speak it.</summary>
    public Uri BaseAddress => new(_environment == "Development" ? "http://localhost" : "https://localhost");

    /// <summary>The SQLite file, or on PostgreSQL the database's name.</summary>
    public string DatabasePath { get; }

    /// <summary>Runs a test's action between a request's checks and its write (inert unless armed).</summary>
    public SaveHook SaveHook { get; } = new();

    /// <summary>The SQL commands the app has sent (see <see cref="CommandCounter.During"/>).</summary>
    public CommandCounter Commands { get; } = new();

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
        builder.UseSetting(DatabaseOptions.ProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:MovingCities", ConnectionString);
        builder.UseSetting("Geodata:Path", _geodataPath ?? FixtureGeodata);
        // The fixture has no outlines of its own; the real ones are data, not a contract.
        builder.UseSetting("Basemap:OutlinesPath", Path.Combine(RepoGeodata, "country-outlines.geojson"));
        builder.UseSetting("Gazetteer:Folder", RepoGeodata);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteMovingCitiesDb>(options => options.AddInterceptors(SaveHook, Commands));
            services.ConfigureDbContext<PostgresMovingCitiesDb>(options => options.AddInterceptors(SaveHook, Commands));
        });
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
        if (Provider == DatabaseProvider.PostgreSQL && _ownsDatabase)
            TestPostgres.Drop(DatabasePath);
    }
}

public static class JsonExtensions
{
    public static string[] FeatureIds(this JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order().ToArray();

    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
