using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// The same map page with other explorer options: German text from MapText.de.resx, and a fixed filter without
/// the address bar as an embedded map will have. The page's options block is swapped on the way to the browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MapLanguageTests(BrowserApp app)
{
    static Dictionary<string, string> Resx(string file) =>
        XDocument.Load(Path.Combine(TestApp.RepoRoot, "src", "MovingCities.Web", "Resources", file)).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    async Task<MapPage> OpenWith(object options, string query = "")
    {
        var page = await app.NewPage();
        var json = JsonSerializer.Serialize(options);
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/", async route =>
        {
            var response = await route.FetchAsync();
            var html = Regex.Replace(await response.TextAsync(),
                @"(<script type=""application/json"" id=""explorer-options"">)[\s\S]*?(</script>)", m => m.Groups[1].Value + json + m.Groups[2].Value);
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        var map = new MapPage(page);
        await page.GotoAsync("/" + query);
        await map.WaitUntilReady();
        return map;
    }

    [Fact]
    public async Task In_German_the_map_counts_names_countries_and_commitments_in_German_with_no_key_missing()
    {
        var map = await OpenWith(new { lang = "de", strings = Resx("MapText.de.resx"), writesHistory = true });
        var explorer = map.Page.Locator("[data-explorer]");

        await Expect(map.Page.Locator("[data-role=summary]")).ToHaveTextAsync("11 Orte");
        await Expect(map.Page.Locator("[data-type=sea-rescue-support] .legend__title")).ToHaveTextAsync("Unterstützung der Seenotrettung");
        var countries = await map.Page.Locator("[data-role=country] option").AllTextContentsAsync();
        Assert.Equal("Alle Länder", countries[0]);
        Assert.Matches(@"^Deutschland \(\d+\)$", countries[1]);
        Assert.Matches(@"^Schweiz \(\d+\)$", countries[2]);

        await map.ListEntry("konstanz").ClickAsync();
        await map.WaitForPanel("konstanz");
        var seaRescue = map.Panel.Locator("[data-commitment='sea-rescue-support']");
        await Expect(seaRescue).ToContainTextAsync("Unterstützung der Seenotrettung");
        await Expect(seaRescue).ToContainTextAsync(new Regex("angekündigt|beschlossen|umgesetzt|aufgehoben"));
        await Expect(seaRescue.Locator("a[data-role=source]")).ToHaveTextAsync("Quelle");
        await Expect(map.Panel).ToContainTextAsync("Zusagen");
        await Expect(map.Panel.Locator("a[data-role=city-page]")).ToHaveTextAsync("Alles über Konstanz");
        await Expect(map.Marker("Konstanz")).ToHaveAttributeAsync("title", new Regex(@"^Konstanz \(.*Deutschland\): .*Unterstützung der Seenotrettung"));
        await Expect(explorer).Not.ToContainTextAsync("⟦");
        await Expect(explorer).Not.ToContainTextAsync(new Regex(@"\b(null|undefined|NaN)\b"));
    }

    [Fact]
    public async Task A_fixed_filter_keeps_its_cities_after_reset_and_without_the_address_bar_the_url_stays_as_it_was()
    {
        var map = await OpenWith(new
        {
            lang = "en", strings = Resx("MapText.resx"), writesHistory = false,
            fixedFilter = new { countries = new[] { "CH" } },
            links = new { city = "/en/cities/{slug}", cityNews = "/en/news?city={slug}" },
        }, "?commitment=safe-harbour-declaration&city=konstanz");

        var swiss = (await app.App.GetJson("/api/cities?country=CH")).FeatureIds();
        Assert.Equal(swiss, await map.ListedCities());
        await Expect(map.Panel).ToBeHiddenAsync(); // the address is the host page's, not the map's
        await Expect(map.Page.Locator("[data-role=reset]")).ToBeDisabledAsync();
        await Expect(map.Page.Locator("[data-role=country] option")).ToHaveTextAsync([new Regex("^All countries$"), new Regex(@"^Switzerland \(\d+\)$")]);

        await map.Page.CheckAsync("input[name=commitment][value=sea-rescue-support]");
        await map.WaitUntilReady();
        Assert.Equal((await app.App.GetJson("/api/cities?country=CH&commitment=sea-rescue-support")).FeatureIds(), await map.ListedCities());
        await map.Page.ClickAsync("[data-role=reset]");
        await map.WaitUntilReady();
        Assert.Equal(swiss, await map.ListedCities());
        Assert.EndsWith("/?commitment=safe-harbour-declaration&city=konstanz", map.Page.Url);

        await map.ListEntry(swiss[0]).ClickAsync();
        await map.WaitForPanel(swiss[0]);
        await Expect(map.Panel.Locator("a[data-role=city-page]")).ToHaveAttributeAsync("href", $"/en/cities/{swiss[0]}");
    }
}
