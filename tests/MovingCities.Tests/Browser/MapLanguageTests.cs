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
        await page.RouteAsync(url => new Uri(url).AbsolutePath == "/en", async route =>
        {
            var response = await route.FetchAsync();
            var html = Regex.Replace(await response.TextAsync(),
                @"(<script type=""application/json"" id=""explorer-options"">)[\s\S]*?(</script>)", m => m.Groups[1].Value + json + m.Groups[2].Value);
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        var map = new MapPage(page);
        await page.GotoAsync("/en" + query);
        await map.WaitUntilReady();
        return map;
    }

    /// <summary>
    /// The page's visible text and labels (aria-label, title, placeholder) where the page's own language applies:
    /// text marked with another language (the switch to English, an English post's title) is left out.
    /// </summary>
    const string TextInPageLanguage = """
        () => {
          const lang = document.documentElement.lang, out = [];
          const mine = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? lang) === lang;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            const el = node.parentElement;
            if (el && mine(el) && !el.closest('script, style, noscript') && el.checkVisibility()) out.push(node.textContent);
          }
          for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
            if (mine(el)) for (const name of ['aria-label', 'title', 'placeholder']) if (el.hasAttribute(name)) out.push(el.getAttribute(name));
          return out.join('\n').replaceAll('Moving Cities', ''); // the name, in every language
        }
        """;

    /// <summary>English texts of the resource files that a German page must not show: those whose German differs, as patterns (placeholders match anything).</summary>
    static IEnumerable<(string Key, Regex Pattern)> EnglishOnly()
    {
        foreach (var (english, german) in new[] { ("MapText.resx", "MapText.de.resx"), ("Strings.resx", "Strings.de.resx") })
        {
            var de = Resx(german);
            // Counts are numbers: "{count} cities" must not match "more than twenty cities" in a summary.
            static string Placeholder(string name) => name is "count" or "shown" or "total" or "next" ? @"\d[\d.,]*" : ".+?";
            foreach (var (key, text) in Resx(english))
            {
                if (key.EndsWith(".Html") || key.StartsWith("Format.") || key.StartsWith("Meta.") || key.StartsWith("Language.") || de[key] == text || text.Length < 4)
                    continue;
                var parts = Regex.Split(text, @"\{(\w+)\}");
                var pattern = string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : Placeholder(part)));
                yield return (key, new Regex($@"(?<!\w){pattern}(?!\w)"));
            }
        }
    }

    [Fact]
    public async Task The_German_map_at_de_counts_names_and_explains_in_German_with_no_English_label_and_no_key_missing()
    {
        var map = new MapPage(await app.NewPage());
        await map.Page.GotoAsync("/de");
        await map.WaitUntilReady();
        var explorer = map.Page.Locator("[data-explorer]");

        Assert.Equal("de", await map.Page.Locator("html").GetAttributeAsync("lang"));
        await Expect(map.Page.Locator("[data-role=summary]")).ToHaveTextAsync("11 Orte");
        await Expect(map.Page.Locator("[data-type=sea-rescue-support] .legend__title")).ToHaveTextAsync("Unterstützung der Seenotrettung");
        var countries = await map.Page.Locator("[data-role=country] option").AllTextContentsAsync();
        Assert.Equal("Alle Länder", countries[0]);
        Assert.Matches(@"^Deutschland \(\d+\)$", countries[1]);
        Assert.Matches(@"^Schweiz \(\d+\)$", countries[2]);
        await Expect(map.Page.Locator(".language-switch a[hreflang=en]")).ToHaveAttributeAsync("href", "/en");

        await map.ListEntry("konstanz").ClickAsync();
        await map.WaitForPanel("konstanz");
        var seaRescue = map.Panel.Locator("[data-commitment='sea-rescue-support']");
        await Expect(seaRescue).ToContainTextAsync("Unterstützung der Seenotrettung");
        await Expect(seaRescue).ToContainTextAsync(new Regex("angekündigt|beschlossen|umgesetzt|aufgehoben"));
        await Expect(seaRescue.Locator("a[data-role=source]")).ToHaveTextAsync("Quelle");
        await Expect(map.Panel).ToContainTextAsync("Zusagen");
        await Expect(map.Panel.Locator("a[data-role=city-page]")).ToHaveAttributeAsync("href", "/de/cities/konstanz");
        await Expect(map.Marker("Konstanz")).ToHaveAttributeAsync("title", new Regex(@"^Konstanz \(.*Deutschland\): .*Unterstützung der Seenotrettung"));
        await Expect(explorer).Not.ToContainTextAsync("⟦");
        await Expect(explorer).Not.ToContainTextAsync(new Regex(@"\b(null|undefined|NaN)\b"));

        var shown = await map.Page.EvaluateAsync<string>(TextInPageLanguage);
        var english = EnglishOnly().Where(e => e.Pattern.IsMatch(shown)).Select(e => $"{e.Key} ({e.Pattern.Match(shown).Value})").ToList();
        Assert.True(english.Count == 0, "English on the German map: " + string.Join("; ", english));
        await map.Screenshot("map-de-konstanz");
    }

    [Theory]
    [InlineData("/de/cities/konstanz")]
    [InlineData("/de/news")]
    [InlineData("/de/about")]
    [InlineData("/de/no-such-page")]
    public async Task German_pages_show_no_English_text_of_the_resource_files(string path)
    {
        var page = await app.NewPage();
        await page.GotoAsync(path);
        var shown = await page.EvaluateAsync<string>(TextInPageLanguage);
        var english = EnglishOnly().Where(e => e.Pattern.IsMatch(shown)).Select(e => $"{e.Key} ({e.Pattern.Match(shown).Value})").ToList();
        Assert.True(english.Count == 0, $"English on {path}: " + string.Join("; ", english));
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
        Assert.EndsWith("/en?commitment=safe-harbour-declaration&city=konstanz", await map.Address());

        await map.ListEntry(swiss[0]).ClickAsync();
        await map.WaitForPanel(swiss[0]);
        await Expect(map.Panel.Locator("a[data-role=city-page]")).ToHaveAttributeAsync("href", $"/en/cities/{swiss[0]}");
    }
}
