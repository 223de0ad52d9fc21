using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// "Near me" in a real browser: with a position the browser reports (mocked), and without permission, where the
/// reader types a place instead. Both on the shared read-only host: nothing is written.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NearMeBrowserTests(BrowserApp app)
{
    async Task<MapPage> Open(string lang, Geolocation? position)
    {
        var page = await app.NewPage(bypassCsp: true, geolocation: position, permissions: position is null ? [] : ["geolocation"]);
        var map = new MapPage(page);
        await page.GotoAsync($"/{lang}");
        await map.WaitUntilReady();
        return map;
    }

    static Task<string[]> Nearest(IPage page) =>
        page.Locator("[data-role=near-list] > [data-city]").EvaluateAllAsync<string[]>("entries => entries.map(e => e.dataset.city)");

    static Task<string[]> Distances(IPage page) =>
        page.Locator("[data-role=near-list] .near__km").AllTextContentsAsync().ContinueWith(t => t.Result.ToArray());

    static async Task AssertAxeClean(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        // Only the serious and critical ones come back (as text): moderate findings elsewhere on the page are not this test's.
        var serious = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.id} (${v.impact}) at ${v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}`)");
        Assert.True(serious.Length == 0, "axe: " + string.Join("; ", serious));
    }

    [Fact]
    public async Task With_a_position_the_map_centres_there_and_lists_the_nearest_cities_the_filters_keep()
    {
        // 4.4 km north of Konstanz's point.
        var map = await Open("de", new Geolocation { Latitude = 47.70f, Longitude = 9.17582f });
        var page = map.Page;
        await page.ClickAsync("[data-role=near-me]");
        await Expect(page.Locator("[data-role=near-list] > [data-city]")).ToHaveCountAsync(10);

        Assert.Equal(["konstanz", "bern", "regensburg"], (await Nearest(page))[..3]);
        var km = await Distances(page);
        Assert.Equal("4,4 km", km[0]); // the page's language writes the number
        Assert.Equal("155 km", km[1]);
        await Expect(page.Locator("[data-role=near-status]")).ToContainTextAsync("eurer Position");
        await page.WaitForFunctionAsync("() => /^\\d+\\/47\\.(69|70|71)\\d*\\/9\\.1[78]/.test(new URLSearchParams(location.search).get('view') ?? '')");

        // The list follows the filters: sea rescue only leaves out Offenbach and Frankfurt.
        await page.CheckAsync("input[name=commitment][value=sea-rescue-support]");
        await map.WaitUntilReady();
        Assert.Equal(["konstanz", "bern", "regensburg", "bochum", "greifswald"], await Nearest(page));

        // An entry opens its city, and Escape brings focus back to it.
        await page.ClickAsync("[data-role=near-list] [data-city=bern] button");
        await map.WaitForPanel("bern");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-role=near-list] [data-city=bern] button")).ToBeFocusedAsync();

        await AssertAxeClean(page);
        await map.Screenshot("near-me-position");
    }

    [Fact]
    public async Task Without_permission_the_reader_types_a_place_instead()
    {
        var map = await Open("en", position: null);
        var page = map.Page;
        await Expect(page.Locator("[data-role=near-place]")).ToBeHiddenAsync();
        await page.ClickAsync("[data-role=near-me]");

        var input = page.Locator("[data-role=near-place-input]");
        await Expect(input).ToBeVisibleAsync();
        await Expect(input).ToBeFocusedAsync();
        await Expect(page.Locator("[data-role=near-status]")).ToContainTextAsync("Type a place");

        await input.FillAsync("Atlantis Nowhere");
        await input.PressAsync("Enter");
        await Expect(page.Locator("[data-role=near-status]")).ToContainTextAsync("No place called “Atlantis Nowhere”");

        await input.FillAsync("bern");
        await input.PressAsync("Enter");
        await Expect(page.Locator("[data-role=near-list] > [data-city]")).ToHaveCountAsync(10);
        Assert.Equal(["bern", "konstanz"], (await Nearest(page))[..2]);
        Assert.Equal(["0 km", "152 km"], (await Distances(page))[..2]);
        await Expect(page.Locator("[data-role=near-status]")).ToContainTextAsync("nearest to Bern, Switzerland");

        await AssertAxeClean(page);
        await map.Screenshot("near-me-place");
    }
}
