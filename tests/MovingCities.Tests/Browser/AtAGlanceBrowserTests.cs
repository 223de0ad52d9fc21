using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// The map reads at a glance (issue 18): a phone layout of views instead of nested scrollers, districts drawn and
/// counted apart, a regional zoom on choosing a city, a short keyboard path to the markers, and a word for an
/// address the map cannot follow.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AtAGlanceBrowserTests(BrowserApp app) : IDisposable
{
    // Hannover as a district, so the fixture has one (the real data has 40: Landkreise, Kreise, Bezirke).
    readonly LiveHost _host = WithDistrict();

    static LiveHost WithDistrict()
    {
        var host = new LiveHost();
        host.App.WithDb(async db =>
        {
            (await db.Cities.SingleAsync(c => c.Slug == "hannover")).Kind = PlaceKind.District;
            await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
        return host;
    }

    public void Dispose() => _host.Dispose();

    async Task<MapPage> Open(string query = "", int width = 1280, int height = 800, bool bypassCsp = false)
    {
        var map = new MapPage(await app.NewPage(width, height, bypassCsp, host: _host));
        await map.Page.GotoAsync("/en" + query);
        await map.WaitUntilReady();
        return map;
    }

    /// <summary>Visible elements that scroll their own content while an ancestor (not the page) scrolls too.</summary>
    const string NestedScrollers = """
        () => {
          const scrolls = (e) => { const s = getComputedStyle(e); return /(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight + 1 && e.getClientRects().length > 0; };
          const found = [];
          for (const e of document.body.querySelectorAll('*')) {
            if (!scrolls(e)) continue;
            for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) { found.push(`${e.tagName}.${e.className} in ${a.tagName}.${a.className}`); break; }
          }
          return found;
        }
        """;

    [Fact]
    public async Task On_a_phone_the_map_and_the_list_are_two_views_and_nothing_scrolls_inside_something_that_scrolls()
    {
        var map = await Open(width: 390, height: 844);
        var page = map.Page;
        var mapBox = await page.Locator("#map").BoundingBoxAsync();
        Assert.NotNull(mapBox);
        Assert.True(mapBox.Height > 844 * 0.6, $"the map takes most of the screen, not {mapBox.Height} px");
        await Expect(page.Locator("#city-list")).ToBeHiddenAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(NestedScrollers));
        await Expect(page.Locator(".explorer__intro")).ToBeHiddenAsync(); // the map view is the map
        await map.Screenshot("phone-en-map-view");

        await page.ClickAsync("[data-view-button=list]");
        await Expect(page.Locator("#city-list")).ToBeVisibleAsync();
        await Expect(page.Locator("#map")).ToBeHiddenAsync();
        await Expect(page.Locator(".explorer__intro")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollHeight > innerHeight"), "the page itself scrolls");
        Assert.Empty(await page.EvaluateAsync<string[]>(NestedScrollers));
        await map.Screenshot("phone-en-list-view");

        // The filters are a sheet over everything, closed with "Show results", focus back on its button
        await page.ClickAsync("[data-filters-button]");
        var sheet = page.Locator("#filters-sheet");
        await Expect(sheet).ToHaveAttributeAsync("role", "dialog");
        await Expect(page.Locator("[data-filters-close]")).ToBeFocusedAsync();
        var sheetBox = await sheet.BoundingBoxAsync();
        Assert.Equal((0f, 0f, 390f), ((float)sheetBox!.X, (float)sheetBox.Y, (float)sheetBox.Width));
        await page.CheckAsync("input[name=commitment][value=sea-rescue-support]");
        await map.WaitUntilReady();
        await page.ClickAsync("[data-filters-close]");
        await Expect(sheet).ToBeHiddenAsync();
        await Expect(page.Locator("[data-filters-button]")).ToBeFocusedAsync();
        Assert.Equal((await _host.App.GetJson("/api/cities?commitment=sea-rescue-support")).FeatureIds().Order(), await map.ListedCities());

        // A city chosen in the list is shown on the map, its panel a sheet below it
        await map.ListEntry("konstanz").ClickAsync();
        await map.WaitForPanel("konstanz");
        await Expect(page.Locator("#map")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-view-button=map]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(map.Marker("Konstanz")).ToBeVisibleAsync();
        await map.Screenshot("phone-en-panel");
    }

    [Fact]
    public async Task Choosing_a_city_zooms_to_a_regional_view_not_to_its_streets()
    {
        var map = await Open();
        await map.ListEntry("konstanz").ClickAsync();
        await map.WaitForPanel("konstanz");
        await Expect(map.Marker("Konstanz")).ToBeVisibleAsync();
        await map.Page.WaitForFunctionAsync("() => /^10\\//.test(new URLSearchParams(location.search).get('view') ?? '')");
        var zoom = int.Parse((await map.QueryValue("view")).Split('/')[0]);
        Assert.InRange(zoom, 9, 11);

        // Beside the panel, not beneath it
        var marker = await map.Marker("Konstanz").BoundingBoxAsync();
        var panel = await map.Panel.BoundingBoxAsync();
        Assert.True(marker!.X + marker.Width < panel!.X, $"marker at x {marker.X}, panel from x {panel.X}");
    }

    [Fact]
    public async Task A_district_is_drawn_square_and_counted_apart_from_cities_and_towns()
    {
        var map = await Open("?view=8/52.4/9.7");
        var hannover = map.Page.Locator(".city-marker[title^='Hannover (']");
        await Expect(hannover).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcity-marker--district\b"));
        Assert.Contains("(a district)", await hannover.GetAttributeAsync("title"));
        Assert.Equal("4px", await hannover.Locator(".city-marker__ring").EvaluateAsync<string>("e => getComputedStyle(e).borderTopLeftRadius"));
        var total = (await _host.App.GetJson("/api/cities")).FeatureIds().Length;
        await Expect(map.Page.Locator("[data-role=summary]")).ToContainTextAsync($"(cities and towns: {total - 1} · districts: 1)");
    }

    [Fact]
    public async Task After_the_skip_link_to_the_map_a_marker_is_reached_in_under_ten_tab_presses()
    {
        var map = await Open();
        var page = map.Page;
        var presses = 0;
        string focused;
        do
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
            focused = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        } while (focused != "Skip to the map" && presses < 5);
        Assert.Equal("Skip to the map", focused);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#map")).ToBeFocusedAsync();

        var onMarker = false;
        while (!onMarker && presses < 10)
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
            onMarker = await page.EvaluateAsync<bool>("() => document.activeElement.matches('.city-marker, .marker-cluster')");
        }
        Assert.True(onMarker, $"no marker after {presses} Tab presses");

        // Enter on a cluster zooms in and puts the focus on the first of its parts
        var cluster = page.Locator(".marker-cluster").First;
        await cluster.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement.matches('.city-marker, .marker-cluster') && !document.activeElement.isSameNode(document.body)");
    }

    [Fact]
    public async Task An_unknown_filter_in_the_address_is_left_out_with_a_notice_naming_the_closest_one()
    {
        var map = await Open("?commitment=sea-rescue");
        var notice = map.Page.Locator("[data-role=notice]");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("The address names “sea-rescue”, which this map does not know; it was left out.");
        Assert.Equal((await _host.App.GetJson("/api/cities")).FeatureIds().Order(), await map.ListedCities()); // all, not none
        Assert.Equal("", await map.QueryValue("commitment"));

        var suggestion = notice.Locator("a");
        await Expect(suggestion).ToHaveTextAsync("Show “Sea rescue support” instead");
        await suggestion.ClickAsync();
        await map.WaitUntilReady();
        await Expect(map.Page.Locator("input[name=commitment][value=sea-rescue-support]")).ToBeCheckedAsync();
        await Expect(notice).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Choices_that_would_show_nothing_are_disabled_and_the_legend_explains_the_marks()
    {
        var map = await Open("?country=CH", bypassCsp: true);
        var page = map.Page;
        // Bern is Switzerland's only city in the fixture: types it lacks show 0 and cannot be ticked
        var zero = page.Locator("[data-type] .legend__count", new() { HasText = "0" }).First;
        await Expect(zero).ToBeVisibleAsync();
        var key = await zero.EvaluateAsync<string>("e => e.closest('[data-type]').dataset.type");
        await Expect(page.Locator($"input[name=commitment][value={key}]")).ToBeDisabledAsync();
        await Expect(page.Locator(".legend__family")).ToHaveCountAsync(4);
        await Expect(page.Locator(".legend-key li")).ToHaveCountAsync(5);

        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        var serious = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => `${v.id} at ${v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ')}`)");
        Assert.True(serious.Length == 0, "axe: " + string.Join("; ", serious));
        await map.Screenshot("map-desktop-en-legend");
    }

    [Fact]
    public async Task A_city_address_typed_another_way_moves_permanently_to_the_city()
    {
        var page = await app.NewPage(host: _host);
        var response = await page.GotoAsync("/en/cities/osnabruck");
        Assert.EndsWith("/en/cities/osnabrueck", page.Url);
        Assert.Equal(200, response!.Status);
        var redirect = response.Request.RedirectedFrom;
        Assert.NotNull(redirect);
        Assert.Equal(301, (await redirect.ResponseAsync())!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Osnabrück");

        // Nothing matches exactly one city: the page says so and offers the closest names
        var missing = await page.GotoAsync("/en/cities/osnabrick");
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("a[href='/en/cities/osnabrueck']")).ToBeVisibleAsync();
    }
}
