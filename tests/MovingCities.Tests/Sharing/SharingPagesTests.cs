using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Sharing;

/// <summary>What sharing adds to pages and the API: preview tags, oEmbed and its discovery, who may frame what.</summary>
public sealed class SharingPagesTests(SeededApp app) : IClassFixture<SeededApp>
{
    async Task<IHtmlDocument> Page(string url)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    static string? Meta(IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}'], meta[name='{property}']")?.GetAttribute("content");

    [Theory]
    [InlineData("de", "Konstanz")]
    [InlineData("en", "Konstanz")]
    public async Task A_city_page_shows_its_own_card_as_the_preview_of_a_shared_link(string lang, string name)
    {
        var page = await Page($"/{lang}/cities/konstanz");
        Assert.Equal($"http://localhost/{lang}/cities/konstanz/card.png", Meta(page, "og:image"));
        Assert.Equal("1200", Meta(page, "og:image:width"));
        Assert.Equal("630", Meta(page, "og:image:height"));
        Assert.Contains(name, Meta(page, "og:image:alt"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        var card = await app.Get(new Uri(Meta(page, "og:image")!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
    }

    [Fact]
    public async Task Pages_about_no_city_show_the_site_card_and_a_post_its_first_citys()
    {
        Assert.Equal("http://localhost/en/card.png", Meta(await Page("/en"), "og:image"));
        Assert.Equal("http://localhost/de/card.png", Meta(await Page("/de/about"), "og:image"));

        var post = (await app.GetJson("/api/news?limit=50")).GetProperty("items").EnumerateArray()
            .First(p => p.GetProperty("cities").GetArrayLength() > 0);
        var detail = await app.GetJson($"/api/news/{post.GetProperty("slug").GetString()}");
        var firstCity = detail.GetProperty("cities")[0].GetProperty("slug").GetString();
        var page = await Page($"/de/news/{post.GetProperty("slug").GetString()}");
        Assert.Equal($"http://localhost/de/cities/{firstCity}/card.png", Meta(page, "og:image"));
    }

    [Fact]
    public async Task A_city_page_offers_its_link_card_and_embed_code_without_scripts()
    {
        var page = await Page("/de/cities/konstanz");
        var share = page.QuerySelector("[data-role=share]")!;
        Assert.Equal("http://localhost/de/cities/konstanz", share.QuerySelector("[data-role=share-link]")!.GetAttribute("href"));
        Assert.Equal("/de/cities/konstanz/card.png", share.QuerySelector("[data-role=share-card]")!.GetAttribute("href"));
        var code = new HtmlParser().ParseDocument(share.QuerySelector("[data-role=embed-code]")!.TextContent);
        var frame = code.QuerySelector("iframe")!;
        Assert.Equal("http://localhost/de/embed?city=konstanz", frame.GetAttribute("src"));
        Assert.Contains("Konstanz", frame.GetAttribute("title"));
        Assert.Equal("/de/embed/builder?city=konstanz", share.QuerySelector("[data-role=embed-builder]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_city_page_names_its_oembed_and_the_oembed_embeds_the_map_at_that_city()
    {
        var page = await Page("/en/cities/konstanz");
        var discovery = page.QuerySelector("link[rel=alternate][type='application/json+oembed']")!.GetAttribute("href")!;
        Assert.StartsWith("http://localhost/oembed?url=", discovery);

        var response = await app.Get(new Uri(discovery).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var oembed = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("1.0", oembed.GetProperty("version").GetString());
        Assert.Equal("rich", oembed.GetProperty("type").GetString());
        Assert.Equal(640, oembed.GetProperty("width").GetInt32());
        Assert.Equal(480, oembed.GetProperty("height").GetInt32());
        var frame = new HtmlParser().ParseDocument(oembed.GetProperty("html").GetString()!).QuerySelector("iframe")!;
        Assert.Equal("http://localhost/en/embed?city=konstanz", frame.GetAttribute("src"));
        Assert.Equal("640", frame.GetAttribute("width"));
        Assert.Contains("Konstanz", frame.GetAttribute("title"));
        Assert.Equal("http://localhost/en/cities/konstanz/card.png", oembed.GetProperty("thumbnail_url").GetString());
    }

    [Fact]
    public async Task Oembed_keeps_within_maxwidth_and_maxheight()
    {
        var oembed = await app.GetJson("/oembed?url=" + Uri.EscapeDataString("http://localhost/de/cities/konstanz") + "&format=json&maxwidth=300&maxheight=200");
        Assert.Equal(300, oembed.GetProperty("width").GetInt32());
        Assert.Equal(200, oembed.GetProperty("height").GetInt32());
        Assert.Contains("width=\"300\" height=\"200\"", oembed.GetProperty("html").GetString());
        Assert.False(oembed.TryGetProperty("thumbnail_url", out _)); // the 1200×630 card would not fit
    }

    [Fact]
    public async Task Oembed_of_a_map_address_keeps_its_filters()
    {
        var oembed = await app.GetJson("/oembed?url=" + Uri.EscapeDataString("http://localhost/de?commitment=additional-admission&country=CH&view=7/46.8/8.2&junk=1"));
        var frame = new HtmlParser().ParseDocument(oembed.GetProperty("html").GetString()!).QuerySelector("iframe")!;
        Assert.Equal("http://localhost/de/embed?commitment=additional-admission&country=CH&view=7/46.8/8.2", frame.GetAttribute("src"));
    }

    [Theory]
    [InlineData("url=http%3A%2F%2Flocalhost%2Fde%2Fcities%2Fnowhere", HttpStatusCode.NotFound)]
    [InlineData("url=http%3A%2F%2Flocalhost%2Fde%2Fnews", HttpStatusCode.NotFound)]
    [InlineData("url=https%3A%2F%2Fevil.example%2Fde%2Fcities%2Fkonstanz", HttpStatusCode.NotFound)]
    [InlineData("format=json", HttpStatusCode.BadRequest)]
    [InlineData("url=not%20an%20address", HttpStatusCode.BadRequest)]
    [InlineData("url=http%3A%2F%2Flocalhost%2Fde%2Fcities%2Fkonstanz&maxwidth=wide", HttpStatusCode.BadRequest)]
    [InlineData("url=http%3A%2F%2Flocalhost%2Fde%2Fcities%2Fkonstanz&maxheight=0", HttpStatusCode.BadRequest)]
    [InlineData("url=http%3A%2F%2Flocalhost%2Fde%2Fcities%2Fkonstanz&format=xml", HttpStatusCode.NotImplemented)]
    public async Task Oembed_answers_what_it_cannot_embed_as_the_spec_says(string query, HttpStatusCode status)
    {
        var response = await app.Get("/oembed?" + query);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/de")]
    [InlineData("/en/cities/konstanz")]
    [InlineData("/de/embed/builder")]
    [InlineData("/account/login")]
    [InlineData("/admin")]
    [InlineData("/api/cities")]
    public async Task Every_page_but_the_embed_may_only_be_framed_by_the_site_itself(string url)
    {
        var response = await app.Get(url);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.DoesNotContain("frame-ancestors *", csp);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("/de/embed")]
    [InlineData("/en/embed?country=CH")]
    public async Task The_embed_may_be_framed_by_any_site(string url)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors *", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task The_old_embed_address_leads_to_a_language_keeping_its_filters()
    {
        var client = app.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/embed?country=CH");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/embed?country=CH", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_embed_sends_its_links_out_of_the_frame_and_links_to_the_same_view_on_the_site()
    {
        var page = await Page("/de/embed?commitment=additional-admission&country=CH");
        Assert.Equal("_blank", page.QuerySelector("base")!.GetAttribute("target"));
        var open = page.QuerySelector("[data-role=open-site]")!;
        Assert.Equal("/de?commitment=additional-admission&country=CH", open.GetAttribute("href"));
        Assert.Equal("_blank", open.GetAttribute("target"));
        Assert.Contains("noopener", open.GetAttribute("rel"));
        var options = JsonDocument.Parse(page.QuerySelector("#explorer-options")!.TextContent).RootElement;
        Assert.False(options.GetProperty("writesHistory").GetBoolean());
        Assert.True(options.GetProperty("readsAddress").GetBoolean());
    }

    [Fact]
    public async Task The_builder_writes_the_snippet_for_the_choices_and_says_which_it_could_not_take()
    {
        var page = await Page("/en/embed/builder?commitment=additional-admission&commitment=no-such-type&country=ch&language=de&width=800&height=huge");
        var frame = new HtmlParser().ParseDocument(page.QuerySelector("[data-role=embed-code]")!.TextContent).QuerySelector("iframe")!;
        Assert.Equal("http://localhost/de/embed?commitment=additional-admission&country=CH", frame.GetAttribute("src"));
        Assert.Equal("800", frame.GetAttribute("width"));
        Assert.Equal("480", frame.GetAttribute("height"));
        Assert.False(string.IsNullOrWhiteSpace(frame.GetAttribute("title")));
        var problems = page.QuerySelector("[data-role=problems]")!.TextContent;
        Assert.Contains("no-such-type", problems);
        Assert.Contains("huge", problems);
        Assert.Equal("/de/embed?commitment=additional-admission&country=CH", page.QuerySelector("[data-role=preview]")!.GetAttribute("src"));
    }
}
