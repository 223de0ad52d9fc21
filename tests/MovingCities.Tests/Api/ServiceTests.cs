using System.Net;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

public abstract class ServiceTests<TDatabase>(SeededApp<TDatabase> app) : IClassFixture<SeededApp<TDatabase>> where TDatabase : ITestDatabase
{
    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint()
    {
        var document = await app.GetJson("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/basemap", "/api/basemap/outlines", "/api/cities", "/api/cities/{slug}", "/api/commitment-types", "/api/editor/tag-suggestions", "/api/news", "/api/news/{slug}", "/api/places", "/api/statistics"], paths.Order());
        var list = document.GetProperty("paths").GetProperty("/api/cities").GetProperty("get");
        Assert.Equal("ListCities", list.GetProperty("operationId").GetString());
        Assert.Equal(["bbox", "commitment", "country", "from", "limit", "near", "q", "region", "status", "to", "undated"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!.ToLowerInvariant()).Order());
        Assert.Contains("near=lon,lat", list.GetProperty("description").GetString());
        var places = document.GetProperty("paths").GetProperty("/api/places").GetProperty("get");
        Assert.Equal(["country", "q"], places.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order());
    }

    [Fact]
    public async Task Healthz_reports_healthy_when_the_database_answers()
    {
        var response = await app.Get("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_paths_get_a_problem_document()
    {
        var response = await app.Get("/api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_web_root_and_the_libman_restored_leaflet_are_served()
    {
        var index = await app.Get("/en");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("Moving Cities", await index.Content.ReadAsStringAsync());
        var leaflet = await app.Get("/lib/leaflet/leaflet.js");
        Assert.Equal(HttpStatusCode.OK, leaflet.StatusCode);
        Assert.Contains("Leaflet 1.9.4", await leaflet.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_name_their_stylesheets_by_content_hash_which_browsers_keep_for_good_while_plain_addresses_are_revalidated()
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await app.Get("/en/cities/konstanz")).Content.ReadAsStringAsync());
        var stylesheet = page.QuerySelector("link[rel=stylesheet][href^='/css/site.css']")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.css\?v=[\w-]+$", stylesheet);
        var versioned = await app.Get(stylesheet);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl!.ToString());

        // A module imported by plain address may change with any release: kept, but asked for again (304 by ETag).
        var module = await app.Get("/js/text.js");
        Assert.True(module.Headers.CacheControl!.NoCache);
        Assert.NotNull(module.Headers.ETag);
        var again = await app.Get("/js/text.js", headers => headers.IfNoneMatch.Add(module.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task The_about_page_states_sources_currency_licences_and_how_to_correct()
    {
        var html = await (await app.Get("/en/about")).Content.ReadAsStringAsync();
        Assert.Contains("GeoNames", html);
        Assert.Contains("CC BY 4.0", html);
        Assert.Contains("OpenStreetMap", html);
        Assert.Contains("Natural Earth", html);
        Assert.Contains("id=\"currency\"", html);
        Assert.Contains("id=\"corrections\"", html);
        Assert.Contains("href=\"/en/about\"", await (await app.Get("/en")).Content.ReadAsStringAsync());
    }
}

public sealed class ServiceTestsOnSqlite(SeededApp<OnSqlite> app) : ServiceTests<OnSqlite>(app);
public sealed class ServiceTestsOnPostgres(SeededApp<OnPostgres> app) : ServiceTests<OnPostgres>(app);
