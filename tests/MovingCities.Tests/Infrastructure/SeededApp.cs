using MovingCities.Web.Data;

namespace MovingCities.Tests.Infrastructure;

/// <summary>One app per test class, seeded from geodata/ and only read, so its tests can share it.</summary>
public class SeededApp : IDisposable
{
    readonly TestApp _app;

    public SeededApp() : this(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>xunit wants one public constructor on a fixture: the provider is for subclasses to choose.</summary>
    protected SeededApp(DatabaseProvider provider) => _app = new(provider: provider);

    public TestApp App => _app;

    public Task<System.Text.Json.JsonElement> GetJson(string url) => _app.GetJson(url);
    public Task<HttpResponseMessage> Get(string url, Action<System.Net.Http.Headers.HttpRequestHeaders>? headers = null) => _app.Get(url, headers);
    public HttpClient CreateClient() => _app.CreateClient();

    public void Dispose() => _app.Dispose();
}

/// <summary>A <see cref="SeededApp"/> on the test type's provider, for the test classes run on both.</summary>
public sealed class SeededApp<TDatabase>() : SeededApp(TDatabase.Provider) where TDatabase : ITestDatabase;
