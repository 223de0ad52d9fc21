using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Browser;

/// <summary>The map page as a test drives it.</summary>
public sealed class MapPage(IPage page)
{
    public IPage Page => page;

    /// <summary>The map in English unless told otherwise (the tests pin English texts).</summary>
    public static async Task<MapPage> Open(BrowserApp app, string query = "", int width = 1280, int height = 800, bool bypassCsp = false, string lang = "en")
    {
        var map = new MapPage(await app.NewPage(width, height, bypassCsp));
        await map.Page.GotoAsync($"/{lang}{query}");
        await map.WaitUntilReady();
        return map;
    }

    /// <summary>The explorer marks its root once every marker or cluster has been placed.</summary>
    public Task WaitUntilReady() =>
        page.WaitForSelectorAsync("[data-explorer][data-map-state=ready]", new() { State = WaitForSelectorState.Attached });

    public async Task<string[]> ListedCities()
    {
        var slugs = await page.Locator("#city-list > [data-city]").EvaluateAllAsync<string[]>("entries => entries.map(e => e.dataset.city)");
        return slugs.Order().ToArray();
    }

    const string CountPlaced =
        "[...document.querySelectorAll('.leaflet-marker-icon')].reduce((n, e) => n + (e.classList.contains('marker-cluster') ? Number(e.textContent) : 1), 0)";

    /// <summary>Cities on the map: each marker one, each cluster as many as it says.</summary>
    public Task<int> PlacedCities() => page.EvaluateAsync<int>($"() => {CountPlaced}");

    /// <summary>
    /// Cities on the map once they number <paramref name="expected"/>, or after 10 s whatever they number then.
    /// After a filter change the refit zoom animates, and the cluster layer keeps the old icons fading out for a
    /// moment after the map says it is ready: counting at once would count both.
    /// </summary>
    public async Task<int> PlacedCitiesSettlingAt(int expected)
    {
        try
        {
            await page.WaitForFunctionAsync($"expected => {CountPlaced} === expected", expected, new() { Timeout = 10_000 });
        }
        catch (PlaywrightException) // not there in time: the count below says how far off it is
        {
        }
        return await PlacedCities();
    }

    public ILocator ListEntry(string slug) => page.Locator($"#city-list [data-city='{slug}'] button");
    public ILocator Marker(string name) => page.Locator($".city-marker[title^='{name} (']");
    public ILocator Panel => page.Locator("#city-panel");

    /// <summary>Waits until the panel shows the city's details (loaded from /api/cities/{slug}).</summary>
    public async Task WaitForPanel(string slug)
    {
        await page.WaitForSelectorAsync($"#city-panel[data-city='{slug}']:not([aria-busy])");
        await Assertions.Expect(Panel).ToBeVisibleAsync();
    }

    /// <summary>The address once the explorer has written it (it writes after painting a change).</summary>
    public async Task<string> Address()
    {
        await page.WaitForSelectorAsync("html:not([data-address-pending])", new() { State = WaitForSelectorState.Attached });
        return page.Url;
    }

    public async Task<string> QueryValue(string name)
    {
        await Address();
        return await page.EvaluateAsync<string>($"() => new URLSearchParams(location.search).get('{name}') ?? ''");
    }

    /// <summary>Saves a screenshot under artifacts/screenshots for people to look at.</summary>
    public async Task Screenshot(string name)
    {
        var folder = Path.Combine(TestApp.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
    }
}
