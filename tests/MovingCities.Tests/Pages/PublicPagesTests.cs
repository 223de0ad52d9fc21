using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Pages;

public class PublicPagesTests(SeededApp app) : IClassFixture<SeededApp>
{
    const string ConferencePost = "tageskonferenz-kommunen-als-sichere-haefen";

    async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await app.Get(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_city_page_shows_its_commitments_with_sources_its_news_and_a_link_to_the_map()
    {
        var page = await Page("/en/cities/konstanz");

        Assert.Equal("Konstanz", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Konstanz – Moving Cities", page.Title);
        Assert.EndsWith("/en/cities/konstanz", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("meta[property='og:title'][content='Konstanz']"));
        var seaRescue = page.QuerySelector("[data-commitment=sea-rescue-support]")!;
        Assert.StartsWith("http", seaRescue.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"[data-role=news] a[href='/en/news/{ConferencePost}']"));
        Assert.NotNull(page.QuerySelector("a[href='/en?city=konstanz']"));
    }

    [Theory]
    [InlineData("/de", "Deutschland", "Schweiz")]
    [InlineData("/en", "Germany", "Switzerland")]
    [InlineData("/de/embed", "Deutschland", "Schweiz")]
    public async Task The_map_hands_its_scripts_the_country_names_the_city_pages_use(string path, string germany, string switzerland)
    {
        var page = await Page(path);
        var options = System.Text.Json.JsonDocument.Parse(page.QuerySelector("#explorer-options")!.TextContent).RootElement;
        var countries = options.GetProperty("countries");
        Assert.Equal(germany, countries.GetProperty("DE").GetString());
        Assert.Equal(switzerland, countries.GetProperty("CH").GetString());
        var lang = path[1..3];
        foreach (var country in countries.EnumerateObject())
            Assert.Equal(MovingCities.Web.Localization.Countries.Name(country.Name, lang), country.Value.GetString());
        Assert.True(countries.EnumerateObject().Count() >= 40, "every European country is named");
    }

    [Fact]
    public async Task A_city_page_shows_text_missing_in_its_language_in_the_other_one_marked_with_lang()
    {
        using var own = new TestApp();
        await own.WithDb(async db =>
        {
            var city = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
            city.Description = new("Stadt am Bodensee.", null);
            city.Commitments.Single().Summary = new("Nur auf Deutsch: Patenschaft für ein Rettungsschiff.", null);
            var bochum = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "bochum");
            foreach (var commitment in bochum.Commitments)
                commitment.Summary = new("Auf Deutsch.", "In English.");
            await db.SaveChangesAsync();
        });

        var konstanz = new HtmlParser().ParseDocument(await (await own.Get("/en/cities/konstanz")).Content.ReadAsStringAsync());
        Assert.Equal("en", konstanz.DocumentElement.GetAttribute("lang"));
        var summary = konstanz.QuerySelector("[data-commitment=sea-rescue-support] [data-role=summary]")!;
        Assert.Equal("Nur auf Deutsch: Patenschaft für ein Rettungsschiff.", summary.TextContent);
        Assert.Equal("de", summary.GetAttribute("lang"));
        var description = konstanz.QuerySelector("[data-role=description]")!;
        Assert.Equal(("Stadt am Bodensee.", "de"), (description.TextContent, description.GetAttribute("lang")));

        var bochum = new HtmlParser().ParseDocument(await (await own.Get("/en/cities/bochum")).Content.ReadAsStringAsync());
        var summaries = bochum.QuerySelectorAll("[data-role=summary]");
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.Equal(("In English.", false), (s.TextContent, s.HasAttribute("lang"))));
        var germanPage = new HtmlParser().ParseDocument(await (await own.Get("/de/cities/bochum")).Content.ReadAsStringAsync());
        Assert.All(germanPage.QuerySelectorAll("[data-role=summary]"), s => Assert.Equal(("Auf Deutsch.", false), (s.TextContent, s.HasAttribute("lang"))));
        var konstanzInGerman = new HtmlParser().ParseDocument(await (await own.Get("/de/cities/konstanz")).Content.ReadAsStringAsync());
        Assert.False(konstanzInGerman.QuerySelector("[data-role=description]")!.HasAttribute("lang"));
        Assert.Null(bochum.QuerySelector("[data-role=description]"));
    }

    [Fact]
    public async Task A_news_page_renders_the_post_and_links_its_tagged_cities()
    {
        var page = await Page($"/en/news/{ConferencePost}");

        Assert.Contains("Kommunen als sichere Häfen", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("de", page.QuerySelector("article")!.GetAttribute("lang"));
        var tagged = page.QuerySelectorAll("[data-role=tagged-cities] a").Select(a => a.GetAttribute("data-city")!).Order().ToArray();
        Assert.Equal(["bern", "bochum", "frankfurt-am-main", "greifswald", "hanau", "hannover", "konstanz", "offenbach-am-main",
            "osnabrueck", "regensburg", "wiesbaden"], tagged);
        Assert.NotNull(page.QuerySelector("a[href='/en/cities/konstanz']"));
        HtmlAssert.Inert(page.QuerySelector(".page__body")!.InnerHtml);
    }

    [Fact]
    public async Task The_news_index_lists_published_posts_and_filters_by_city()
    {
        var all = await Page("/en/news");
        Assert.NotNull(all.QuerySelector($"a[href='/en/news/{ConferencePost}']"));

        var konstanz = await Page("/en/news?city=konstanz");
        Assert.Contains("News about Konstanz", konstanz.QuerySelector("h1")!.TextContent);
        Assert.NotNull(konstanz.QuerySelector($"a[href='/en/news/{ConferencePost}']"));
    }

    [Fact]
    public async Task Unknown_addresses_get_a_404_page_that_points_to_the_map_and_the_news()
    {
        var page = await Page("/en/no/such/page", HttpStatusCode.NotFound);

        Assert.Contains("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("/en/no/such/page", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/en']"));
        Assert.NotNull(page.QuerySelector("main a[href='/en/news']"));
    }

    [Fact]
    public async Task The_sitemap_lists_the_pages_cities_and_published_posts()
    {
        var sitemap = System.Xml.Linq.XDocument.Parse(await (await app.Get("/sitemap.xml")).Content.ReadAsStringAsync());
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();

        Assert.Contains("/de", locations);
        Assert.Contains("/en", locations);
        Assert.Contains("/de/cities/konstanz", locations);
        Assert.Contains("/en/cities/konstanz", locations);
        Assert.Contains($"/en/news/{ConferencePost}", locations);
        Assert.Contains("/de/propose", locations);
        Assert.Contains("/en/statistics", locations);
        Assert.Contains("/en/downloads", locations);
        Assert.Equal(2 * (6 + 11 + 1), locations.Count); // map, news, about, statistics, propose, downloads; the cities; the post
    }

    [Fact]
    public async Task Pages_advertise_the_atom_feeds_and_the_feeds_carry_the_posts()
    {
        var city = await Page("/en/cities/konstanz");
        Assert.NotNull(city.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/en/news.atom']"));
        Assert.NotNull(city.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/en/cities/konstanz/news.atom']"));

        var response = await app.Get("/en/cities/konstanz/news.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text); // the declaration matches the bytes, no BOM
        var feed = System.Xml.Linq.XDocument.Parse(text);
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = Assert.Single(feed.Root!.Elements(atom + "entry"));
        Assert.EndsWith($"/en/news/{ConferencePost}", entry.Element(atom + "id")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/en/cities/atlantis/news.atom")).StatusCode);
    }

    [Theory]
    [InlineData("/en/cities/atlantis", "City not found")]
    [InlineData("/en/news/no-such-post", "News post not found")]
    [InlineData("/en/news?city=atlantis", "News")]
    public async Task Unknown_cities_and_posts_get_a_helpful_404_page(string path, string heading)
    {
        var page = await Page(path, HttpStatusCode.NotFound);

        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/en']") ?? page.QuerySelector("main a[href='/en/news']"));
    }
}
