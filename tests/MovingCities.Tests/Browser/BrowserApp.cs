using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Browser;

/// <summary>
/// A real headless Chromium driven by Playwright, and the real app on a real socket (<see cref="LiveHost"/>).
/// Shared by all browser tests. The shared host is for tests that only read the seeded fixture data: a test
/// that writes (signs up an editor, saves, publishes) starts a <see cref="LiveHost"/> of its own, with its own
/// database, and opens its pages there (<c>NewPage(host: …)</c>), so no test sees another's writes.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Flags that let Debian's Chromium run headless as root with no network (stack notes).</summary>
    static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    LiveHost? _readOnly;
    IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host shared by the tests that only read; never write through it.</summary>
    public LiveHost ReadOnly => _readOnly!;

    /// <summary>The shared read-only host's app, for reading its API.</summary>
    public TestApp App => ReadOnly.App;

    public async Task InitializeAsync()
    {
        _readOnly = new LiveHost();
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromium(_playwright);
    }

    /// <summary>
    /// Chromium from, in order: MOVINGCITIES_CHROMIUM, chromium on the PATH, Playwright's own download. No
    /// browser is a failure with instructions, never a skipped test.
    /// </summary>
    static async Task<IBrowser> LaunchChromium(IPlaywright playwright)
    {
        var executable = Environment.GetEnvironmentVariable("MOVINGCITIES_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : new[] { "chromium", "chromium-browser", "google-chrome" }.Select(FindOnPath).FirstOrDefault(p => p is not null);
        try
        {
            return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true, Args = ChromiumArgs });
        }
        catch (PlaywrightException error)
        {
            throw new InvalidOperationException(
                $"No usable Chromium for the browser tests ({executable ?? "none on PATH, and Playwright's own is not installed"}). " +
                "Install one (`apt-get install chromium`, as .ci/run does) or point MOVINGCITIES_CHROMIUM at a Chromium binary. " +
                error.Message, error);
        }
    }

    static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>
    /// A fresh page (own context: no shared history or storage) on the shared read-only host, or on
    /// <paramref name="host"/>, with requests anywhere else (tiles) refused, as offline.
    /// </summary>
    /// <param name="bypassCsp">Only for injecting a checker such as axe-core, which the page's CSP rightly refuses.</param>
    /// <param name="geolocation">The position the browser reports, when <paramref name="permissions"/> allow it ("geolocation").</param>
    /// <param name="permissions">Permissions granted up front; none by default, so a request for one is denied.</param>
    public async Task<IPage> NewPage(int width = 1280, int height = 800, bool bypassCsp = false, LiveHost? host = null,
        Geolocation? geolocation = null, string[]? permissions = null)
    {
        var baseAddress = (host ?? ReadOnly).BaseAddress.ToString();
        var context = await Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, BaseURL = baseAddress, BypassCSP = bypassCsp,
            Geolocation = geolocation, Permissions = permissions,
        });
        await context.RouteAsync(url => !url.StartsWith(baseAddress, StringComparison.Ordinal), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        _readOnly?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
