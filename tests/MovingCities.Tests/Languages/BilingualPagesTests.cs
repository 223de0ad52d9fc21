using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Languages;

/// <summary>Every public page in German and English: its language, its counterparts, the switch, dates and names in the language.</summary>
public class BilingualPagesTests(SeededApp app) : IClassFixture<SeededApp>
{
    const string ConferencePost = "tageskonferenz-kommunen-als-sichere-haefen";

    static readonly string[] Pages = ["", "/cities/konstanz", "/news", "/news?city=konstanz", $"/news/{ConferencePost}", "/about", "/statistics", "/propose", "/downloads"];

    public static TheoryData<string> PublicPages => new(Pages);

    async Task<IHtmlDocument> Page(string path)
    {
        var response = await app.Get(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} → {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    static string PathOf(string? url) => new Uri(new Uri("http://localhost"), url).PathAndQuery;

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Each_public_page_exists_in_both_languages_names_its_counterparts_and_switches_to_the_same_page(string page)
    {
        var path = page.Split('?')[0];
        foreach (var (lang, other, ogLocale) in new[] { ("de", "en", "de_DE"), ("en", "de", "en_GB") })
        {
            var document = await Page($"/{lang}{page}");

            Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(document.QuerySelector($"meta[property='og:locale'][content='{ogLocale}']"));
            Assert.Equal($"/{lang}{path}", PathOf(document.QuerySelector("link[rel=canonical]")!.GetAttribute("href")));
            Assert.Equal($"/{lang}{path}", PathOf(document.QuerySelector($"link[rel=alternate][hreflang={lang}]")!.GetAttribute("href")));
            Assert.Equal($"/{other}{path}", PathOf(document.QuerySelector($"link[rel=alternate][hreflang={other}]")!.GetAttribute("href")));
            Assert.NotNull(document.QuerySelector("link[rel=alternate][hreflang=x-default]"));
            var switchLink = document.QuerySelector($".language-switch a[hreflang={other}]")!;
            Assert.Equal($"/{other}{page}", switchLink.GetAttribute("href"));
            Assert.Equal(other, switchLink.GetAttribute("lang"));
        }
    }

    [Fact]
    public async Task The_alternates_of_a_page_point_at_each_other()
    {
        var german = await Page("/de/cities/konstanz");
        var english = await Page(PathOf(german.QuerySelector("link[rel=alternate][hreflang=en]")!.GetAttribute("href")));
        Assert.Equal("/de/cities/konstanz", PathOf(english.QuerySelector("link[rel=alternate][hreflang=de]")!.GetAttribute("href")));
        Assert.Equal("/cities/konstanz", PathOf(german.QuerySelector("link[rel=alternate][hreflang=x-default]")!.GetAttribute("href")));
    }

    [Fact]
    public async Task News_lists_show_posts_of_every_language_each_marked_and_linked_in_the_page_language()
    {
        var english = await Page("/en/news");
        var item = english.QuerySelector($"a[href='/en/news/{ConferencePost}']")!;
        Assert.Equal("de", item.GetAttribute("hreflang"));
        Assert.Equal("de", item.Closest("[lang]")!.GetAttribute("lang"));
        Assert.Equal("in German", english.QuerySelector("[data-post-language=de]")!.TextContent);
        var german = await Page("/de/news");
        Assert.Equal("auf Deutsch", german.QuerySelector("[data-post-language=de]")!.TextContent);
    }

    [Fact]
    public async Task A_post_keeps_its_own_language_inside_a_page_of_the_other()
    {
        var page = await Page($"/en/news/{ConferencePost}");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("de", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Equal("en", page.QuerySelector("article .page__meta")!.GetAttribute("lang"));
        Assert.Contains("20 November 2025", page.QuerySelector("article .page__meta")!.TextContent);
    }

    [Fact]
    public async Task The_sitemap_lists_every_page_in_both_languages_with_its_alternates()
    {
        var sitemap = XDocument.Parse(await (await app.Get("/sitemap.xml")).Content.ReadAsStringAsync());
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9", xhtml = "http://www.w3.org/1999/xhtml";
        var konstanz = sitemap.Root!.Elements(ns + "url").Single(u => PathOf(u.Element(ns + "loc")!.Value) == "/de/cities/konstanz");
        var alternates = konstanz.Elements(xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => PathOf((string)l.Attribute("href")!));
        Assert.Equal(new Dictionary<string, string> { ["de"] = "/de/cities/konstanz", ["en"] = "/en/cities/konstanz" }, alternates);
        Assert.Single(sitemap.Root!.Elements(ns + "url"), u => PathOf(u.Element(ns + "loc")!.Value) == "/en/cities/konstanz");
    }

    [Fact]
    public async Task German_pages_write_dates_months_and_countries_in_German_and_English_ones_in_English()
    {
        // The project's own data: the fixture's commitments carry no dates.
        using var real = new TestApp(geodataPath: TestApp.RepoGeodata);
        async Task<IHtmlDocument> Page(string path) => new HtmlParser().ParseDocument(await (await real.Get(path)).Content.ReadAsStringAsync());
        var german = await Page("/de/cities/konstanz");
        var english = await Page("/en/cities/konstanz");

        Assert.Contains("Baden-Württemberg, Deutschland", german.QuerySelector(".page__meta")!.TextContent);
        Assert.Contains("Baden-Württemberg, Germany", english.QuerySelector(".page__meta")!.TextContent);
        var germanTimeline = german.QuerySelector("[data-role=commitments]")!.TextContent;
        var englishTimeline = english.QuerySelector("[data-role=commitments]")!.TextContent;
        Assert.Contains("26. September 2019", germanTimeline);
        Assert.Contains("26 September 2019", englishTimeline);
        Assert.Matches(@"· April 2020", germanTimeline); // month precision: the month alone
        Assert.Contains("beschlossen", germanTimeline);
        Assert.Contains("decided", englishTimeline);
        Assert.Equal("Zusagen", german.QuerySelector("#commitments")!.TextContent);
        Assert.Equal("Commitments", english.QuerySelector("#commitments")!.TextContent);
        Assert.Contains("20. November 2025", german.QuerySelector("[data-role=news]")!.TextContent);
        Assert.Contains("20 November 2025", english.QuerySelector("[data-role=news]")!.TextContent);
    }

    [Theory]
    [InlineData("de", "Moving Cities: Aktuelles")]
    [InlineData("en", "Moving Cities: news")]
    public async Task Each_language_has_its_feed_and_every_entry_says_its_own_language(string lang, string title)
    {
        var feed = XDocument.Parse(await (await app.Get($"/{lang}/news.atom")).Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        XNamespace xml = "http://www.w3.org/XML/1998/namespace";
        Assert.Equal(title, feed.Root!.Element(atom + "title")!.Value);
        Assert.Equal(lang, (string?)feed.Root.Attribute(xml + "lang"));
        var entry = Assert.Single(feed.Root.Elements(atom + "entry"));
        Assert.Equal("de", (string?)entry.Attribute(xml + "lang"));
        Assert.EndsWith($"/{lang}/news/{ConferencePost}", entry.Element(atom + "id")!.Value);
    }

    [Theory]
    [InlineData("/en/no-such-page", "Page not found")]
    [InlineData("/de/no-such-page", "Seite nicht gefunden")]
    [InlineData("/de/cities/atlantis", "Stadt nicht gefunden")]
    public async Task Error_and_not_found_pages_speak_the_language_of_the_address(string path, string text)
    {
        var response = await app.Get(path);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(text, document.QuerySelector("h1")!.TextContent);
        Assert.Equal(path[1..3], document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task No_page_shows_a_resource_key_instead_of_its_text()
    {
        var keys = ResourceFiles.Keys("Strings.resx").Concat(ResourceFiles.Keys("MapText.resx")).ToHashSet();
        foreach (var lang in new[] { "de", "en" })
        {
            foreach (var page in Pages.Append("/no-such-page"))
            {
                var response = await app.Get($"/{lang}{page}");
                var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
                foreach (var data in document.QuerySelectorAll("script").ToList())
                    data.Remove(); // the map's options hand its scripts keys with their texts, by design
                var shown = document.Body!.TextContent + " " + string.Join(" ", document.QuerySelectorAll("[aria-label], [title], [placeholder], meta[content]")
                    .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("title"), e.GetAttribute("placeholder"), e.GetAttribute("content") }));
                var words = Regex.Matches(shown, @"[A-Za-z]+(\.[A-Za-z]+)+").Select(m => m.Value);
                Assert.Empty(words.Where(keys.Contains).Distinct());
            }
        }
    }
}
