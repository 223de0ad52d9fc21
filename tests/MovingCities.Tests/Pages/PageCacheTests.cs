using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Http;

namespace MovingCities.Tests.Pages;

/// <summary>
/// Public pages come from the page cache (Http/PageCache) for readers who are not signed in: rendered, compressed
/// and tagged once per data version, answered without the database, never mixed with a signed-in editor's pages.
/// </summary>
public class PageCacheTests
{
    const string CityPage = "/de/cities/konstanz";

    static HttpRequestMessage Request(string url, string? acceptEncoding = null, EntityTagHeaderValue? ifNoneMatch = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return request;
    }

    static async Task<HttpResponseMessage> Send(TestApp app, HttpRequestMessage request) =>
        await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);

    static byte[] Decompress(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decompressor = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData(CityPage)]
    [InlineData("/en/cities/konstanz")]
    [InlineData("/de")]
    [InlineData("/en/embed")]
    [InlineData("/de/news")]
    [InlineData("/de/news/tageskonferenz-kommunen-als-sichere-haefen")]
    [InlineData("/en/about")]
    [InlineData("/de/statistics")]
    [InlineData("/en/downloads")]
    public async Task A_second_request_for_a_public_page_is_answered_without_the_database(string url)
    {
        using var app = new TestApp();
        var first = await Send(app, Request(url));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync();

        HttpResponseMessage? second = null;
        var commands = await app.Commands.During(async () => second = await Send(app, Request(url)));

        Assert.Empty(commands);
        Assert.Equal(HttpStatusCode.OK, second!.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("public, no-cache", second.Headers.CacheControl?.ToString());
        Assert.Contains("Accept-Encoding", second.Headers.Vary);
    }

    [Fact]
    public async Task A_change_saved_through_the_app_shows_on_the_next_request()
    {
        using var app = new TestApp();
        var before = await Send(app, Request(CityPage));
        Assert.DoesNotContain("Seebrücke am Hafen", await before.Content.ReadAsStringAsync());

        await app.WithDb(async db =>
        {
            var city = await db.Cities.SingleAsync(c => c.Slug == "konstanz");
            city.Description = new("Seebrücke am Hafen", "Seebrücke at the harbour");
            await db.SaveChangesAsync();
        });

        var after = await Send(app, Request(CityPage));
        Assert.Contains("Seebrücke am Hafen", await after.Content.ReadAsStringAsync());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        // The old tag no longer revalidates: the reader gets the new page.
        Assert.Equal(HttpStatusCode.OK, (await Send(app, Request(CityPage, ifNoneMatch: before.Headers.ETag))).StatusCode);
    }

    [Fact]
    public async Task A_signed_in_editors_page_is_not_stored_for_readers()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var editorsPage = await editor.Client.GetStringAsync(CityPage);
        Assert.Contains("/account/logout", editorsPage);

        HttpResponseMessage? reader = null;
        var commands = await app.Commands.During(async () => reader = await Send(app, Request(CityPage)));

        Assert.NotEmpty(commands);
        Assert.DoesNotContain("/account/logout", await reader!.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_editor_is_not_served_the_readers_page()
    {
        using var app = new TestApp();
        var stored = await Send(app, Request(CityPage));
        var editor = await Editor.SignIn(app);

        HttpResponseMessage? response = null;
        var commands = await app.Commands.During(async () => response = await editor.Client.GetAsync(CityPage));

        Assert.NotEmpty(commands);
        Assert.Contains("/account/logout", await response!.Content.ReadAsStringAsync());
        Assert.Null(response.Headers.ETag);
        Assert.DoesNotContain("public", response.Headers.CacheControl?.ToString() ?? "");
        // Nor does a stored page's tag get a 304 for the editor.
        var conditional = new HttpRequestMessage(HttpMethod.Get, CityPage);
        conditional.Headers.IfNoneMatch.Add(stored.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task A_request_with_an_editor_cookie_that_signs_no_one_in_is_not_served_from_the_cache()
    {
        using var app = new TestApp();
        await Send(app, Request(CityPage));
        var commands = await app.Commands.During(() => Send(app, Request(CityPage, cookie: "movingcities.editor=expired")));
        Assert.NotEmpty(commands);
    }

    /// <summary>Sets a cookie from inside a page, as a form with an antiforgery token or a sign-in would.</summary>
    sealed class SetsACookie : IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            if (context.HttpContext.Request.Query.ContainsKey("cookie"))
                context.HttpContext.Response.Cookies.Append("personal", "yes");
            return next();
        }
    }

    [Fact]
    public async Task A_page_that_sets_a_cookie_is_not_stored()
    {
        using var app = new TestApp();
        using var withCookie = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(options => options.Filters.Add(new SetsACookie()))));
        var client = withCookie.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var first = await client.GetAsync(CityPage + "?cookie");
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("personal=", StringComparison.Ordinal));
        Assert.Null(first.Headers.ETag);

        var commands = await app.Commands.During(() => client.GetAsync(CityPage + "?cookie"));
        Assert.NotEmpty(commands);
    }

    [Fact]
    public async Task The_language_cookie_is_set_per_reader_and_never_stored_with_the_page()
    {
        using var app = new TestApp();
        var newcomer = await Send(app, Request(CityPage));
        Assert.Contains(newcomer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mc-lang=de", StringComparison.Ordinal));

        // Served from the cache: the German reader gets no cookie, the English one is told German now.
        HttpResponseMessage? german = null, english = null;
        Assert.Empty(await app.Commands.During(async () =>
        {
            german = await Send(app, Request(CityPage, cookie: "mc-lang=de"));
            english = await Send(app, Request(CityPage, cookie: "mc-lang=en"));
        }));
        Assert.False(german!.Headers.Contains("Set-Cookie"));
        Assert.Contains(english!.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mc-lang=de", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task A_matching_if_none_match_gets_304_without_running_the_page(string? coding)
    {
        using var app = new TestApp();
        var first = await Send(app, Request(CityPage, coding));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        HttpResponseMessage? revalidated = null;
        var commands = await app.Commands.During(async () => revalidated = await Send(app, Request(CityPage, coding, etag)));

        Assert.Empty(commands);
        Assert.Equal(HttpStatusCode.NotModified, revalidated!.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Equal("public, no-cache", revalidated.Headers.CacheControl?.ToString());

        var other = await Send(app, Request(CityPage, coding, new EntityTagHeaderValue("\"something-else\"")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Brotli_gzip_and_plain_pages_have_their_own_tags_and_the_same_html()
    {
        using var app = new TestApp();
        var plain = await Send(app, Request(CityPage));
        var html = await plain.Content.ReadAsByteArrayAsync();
        var tags = new List<EntityTagHeaderValue> { plain.Headers.ETag! };

        foreach (var coding in new[] { "br", "gzip" })
        {
            // Twice: rendered and compressed, then from the cache; both the same bytes.
            var fresh = await Send(app, Request(CityPage, coding));
            var cached = await Send(app, Request(CityPage, coding));
            var bytes = await fresh.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, await cached.Content.ReadAsByteArrayAsync());
            Assert.Equal(coding, fresh.Content.Headers.ContentEncoding.Single());
            Assert.Equal(coding, cached.Content.Headers.ContentEncoding.Single());
            Assert.Equal(bytes.Length, cached.Content.Headers.ContentLength);
            Assert.True(bytes.Length < html.Length / 3, $"{coding}: {bytes.Length} bytes of {html.Length}");
            Assert.Equal(html, Decompress(bytes, coding));
            Assert.Equal(fresh.Headers.ETag, cached.Headers.ETag);
            tags.Add(fresh.Headers.ETag!);
        }
        Assert.Equal(3, tags.Distinct().Count());
    }

    [Fact]
    public async Task The_page_tag_depends_on_the_bytes_only_so_it_survives_restarts()
    {
        var database = TestApp.NewDatabasePath();
        EntityTagHeaderValue? before;
        using (var app = new TestApp(database))
            before = (await Send(app, Request(CityPage, "br"))).Headers.ETag;
        using (var restarted = new TestApp(database))
            Assert.Equal(before, (await Send(restarted, Request(CityPage, "br"))).Headers.ETag);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/de/propose")]
    public async Task Pages_with_forms_and_sign_in_are_never_cached(string url)
    {
        using var app = new TestApp();
        await Send(app, Request(url));
        var again = await Send(app, Request(url));
        Assert.Null(again.Headers.ETag);
        Assert.DoesNotContain("public", again.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task An_unknown_city_is_a_404_page_and_is_not_stored()
    {
        using var app = new TestApp();
        var first = await Send(app, Request("/de/cities/atlantis", "br"));
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Null(first.Headers.ETag);
        var commands = await app.Commands.During(() => Send(app, Request("/de/cities/atlantis", "br")));
        Assert.NotEmpty(commands);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("br")]
    [InlineData("gzip")]
    [InlineData("gzip, deflate, br")]
    [InlineData("gzip, deflate, br, zstd")]
    [InlineData("br;q=0.5, gzip")]
    [InlineData("br;q=0.5, gzip;q=0.5")]
    [InlineData("gzip;q=0.5, br;q=0.5")]
    [InlineData("br;q=0, gzip")]
    [InlineData("br;q=0, gzip;q=0")]
    [InlineData("identity")]
    [InlineData("identity, gzip")]
    [InlineData("identity;q=1, gzip;q=0.8")]
    [InlineData("identity;q=0.5, br;q=0.5")]
    [InlineData("*")]
    [InlineData("*;q=0.2, gzip")]
    [InlineData("gzip;q=0.2, *")]
    [InlineData("*;q=0")]
    [InlineData("br, br;q=0")]
    [InlineData("deflate")]
    [InlineData("BR")]
    [InlineData("gzip;q=0.9, br;q=0.8, identity;q=1")]
    [InlineData("garbage;;q=x")]
    public void The_page_cache_picks_the_coding_the_compression_middleware_would(string? acceptEncoding)
    {
        using var app = new TestApp();
        var middleware = new ResponseCompressionProvider(app.Services, app.Services.GetRequiredService<IOptions<ResponseCompressionOptions>>());
        var context = new DefaultHttpContext { RequestServices = app.Services };
        if (acceptEncoding is not null)
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        var expected = middleware.CheckRequestAcceptsCompression(context) ? middleware.GetCompressionProvider(context)?.EncodingName ?? "identity" : "identity";

        Assert.Equal(expected, PageCache.Coding(context.Request.Headers.AcceptEncoding));
    }

    [Theory]
    [InlineData("br;q=0.5, gzip", "gzip")]
    [InlineData("gzip, br", "br")]
    [InlineData("identity;q=1, br;q=0.5", "identity")]
    [InlineData("br;q=0", "identity")]
    public async Task A_page_is_sent_in_the_coding_its_cache_entry_is_keyed_by(string acceptEncoding, string coding)
    {
        using var app = new TestApp();
        var response = await Send(app, Request(CityPage, acceptEncoding));
        Assert.Equal(coding == "identity" ? [] : [coding], response.Content.Headers.ContentEncoding);
        var cached = await Send(app, Request(CityPage, acceptEncoding));
        Assert.Equal(response.Headers.ETag, cached.Headers.ETag);
    }
}
