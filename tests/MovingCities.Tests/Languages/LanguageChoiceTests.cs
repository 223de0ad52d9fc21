using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Languages;

/// <summary>
/// The addresses from before the site had languages keep working: they redirect to the visitor's earlier choice
/// (the cookie the pages set), else to what the browser asks for, else to German; caches are told so (Vary).
/// </summary>
public class LanguageChoiceTests(SeededApp seeded) : IClassFixture<SeededApp>
{
    readonly TestApp _app = seeded.App;

    async Task<HttpResponseMessage> Get(string path, string? cookie = null, string? acceptLanguage = null)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", $"mc-lang={cookie}");
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        return await client.SendAsync(request);
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/index.html", "")]
    [InlineData("/cities/konstanz", "/cities/konstanz")]
    [InlineData("/news", "/news")]
    [InlineData("/news?city=konstanz&page=1", "/news?city=konstanz&page=1")]
    [InlineData("/news/tageskonferenz-kommunen-als-sichere-haefen", "/news/tageskonferenz-kommunen-als-sichere-haefen")]
    [InlineData("/about.html", "/about")]
    [InlineData("/statistics", "/statistics")]
    [InlineData("/news.atom", "/news.atom")]
    [InlineData("/cities/konstanz/news.atom", "/cities/konstanz/news.atom")]
    public async Task Old_addresses_redirect_by_cookie_then_accept_language_then_german(string old, string rest)
    {
        await Redirects(await Get(old, cookie: "en", acceptLanguage: "de-DE,de;q=0.9"), $"/en{rest}");
        await Redirects(await Get(old, cookie: "de", acceptLanguage: "en-US,en;q=0.9"), $"/de{rest}");
        await Redirects(await Get(old, acceptLanguage: "en-US,en;q=0.9"), $"/en{rest}");
        await Redirects(await Get(old, acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.5"), $"/en{rest}");
        await Redirects(await Get(old, acceptLanguage: "fr-FR"), $"/de{rest}");
        await Redirects(await Get(old), $"/de{rest}");
        await Redirects(await Get(old, cookie: "xx", acceptLanguage: "en"), $"/en{rest}"); // a cookie naming no language counts for nothing
    }

    static Task Redirects(HttpResponseMessage response, string to)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(to, response.Headers.Location!.OriginalString);
        Assert.Contains("Cookie", response.Headers.Vary);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Reading_a_page_in_a_language_remembers_it_for_the_next_visit_to_an_old_address()
    {
        var read = await Get("/en/cities/konstanz", cookie: "de");
        var cookie = Assert.Single(read.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("mc-lang=en;", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var again = await Get("/en/news", cookie: "en");
        Assert.False(again.Headers.Contains("Set-Cookie")); // nothing to remember: unchanged
    }

    [Fact]
    public async Task Every_redirect_target_is_a_page_that_answers()
    {
        foreach (var old in new[] { "/", "/cities/konstanz", "/news", "/about.html", "/news.atom" })
        {
            var response = await Get(old, acceptLanguage: "en");
            Assert.Equal(HttpStatusCode.OK, (await Get(response.Headers.Location!.OriginalString)).StatusCode);
        }
    }

    [Fact]
    public async Task The_switch_on_pages_without_a_language_in_the_address_remembers_the_choice_and_goes_back()
    {
        var response = await Get("/language/en?back=%2Fadmin%2Fposts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/posts", response.Headers.Location!.OriginalString);
        Assert.StartsWith("mc-lang=en;", Assert.Single(response.Headers.GetValues("Set-Cookie")));

        Assert.Equal("/en/cities/konstanz", (await Get("/language/en?back=%2Fde%2Fcities%2Fkonstanz")).Headers.Location!.OriginalString);
        foreach (var elsewhere in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
            Assert.Equal("/en", (await Get($"/language/en?back={Uri.EscapeDataString(elsewhere)}")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/language/xx")).StatusCode);
    }

    [Fact]
    public async Task The_api_stays_language_neutral_whatever_the_browser_asks_for()
    {
        var response = await Get("/api/cities/konstanz", acceptLanguage: "de");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var problem = await Get("/api/cities/atlantis", acceptLanguage: "de");
        Assert.Contains("not", (await problem.Content.ReadAsStringAsync()).ToLowerInvariant());
    }
}
