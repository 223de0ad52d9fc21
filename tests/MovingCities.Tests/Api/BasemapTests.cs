using System.Net;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

public abstract class BasemapTests<TDatabase>(SeededApp<TDatabase> app) : IClassFixture<SeededApp<TDatabase>> where TDatabase : ITestDatabase
{
    [Fact]
    public async Task By_default_the_map_uses_OpenStreetMap_tiles_with_their_attribution_and_the_outlines()
    {
        var basemap = await app.GetJson("/api/basemap");

        var tiles = basemap.GetProperty("tiles");
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", tiles.GetProperty("url").GetString());
        Assert.Contains("openstreetmap.org/copyright", tiles.GetProperty("attribution").GetString());
        Assert.Equal("/api/basemap/outlines", basemap.GetProperty("outlines").GetProperty("url").GetString());
        Assert.Contains("Natural Earth", basemap.GetProperty("outlines").GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task Tiles_can_be_turned_off_or_pointed_elsewhere_by_configuration()
    {
        using var off = TestApp.On<TDatabase>().WithWebHostBuilder(b => b.UseSetting("Basemap:TileUrl", ""));
        var basemap = System.Text.Json.JsonDocument.Parse(await off.CreateClient().GetStringAsync("/api/basemap")).RootElement;
        Assert.False(basemap.TryGetProperty("tiles", out _), "tiles turned off should leave no tile layer");
        Assert.Equal("/api/basemap/outlines", basemap.GetProperty("outlines").GetProperty("url").GetString());

        using var elsewhere = TestApp.On<TDatabase>().WithWebHostBuilder(b => b
            .UseSetting("Basemap:TileUrl", "https://{s}.tiles.example.org/{z}/{x}/{y}.png")
            .UseSetting("Basemap:TileAttribution", "Example tiles"));
        var response = await elsewhere.CreateClient().GetAsync("/api/basemap");
        Assert.Contains("\"url\":\"https://{s}.tiles.example.org/{z}/{x}/{y}.png\"", await response.Content.ReadAsStringAsync());
        // The CSP lets the configured tile host's images in, and only those.
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org;", csp);
    }

    [Fact]
    public async Task The_outlines_are_valid_geojson_of_european_countries_with_an_etag()
    {
        var response = await app.Get("/api/basemap/outlines");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);

        var outlines = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", outlines.GetProperty("type").GetString());
        var names = outlines.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Contains("Germany", names);
        Assert.Contains("Switzerland", names);
        Assert.Contains("Italy", names);
        foreach (var feature in outlines.GetProperty("features").EnumerateArray())
        {
            Assert.Contains(feature.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
            var first = feature.GetProperty("geometry").GetProperty("coordinates")[0][0];
            while (first[0].ValueKind == System.Text.Json.JsonValueKind.Array)
                first = first[0];
            Assert.InRange(first[0].GetDouble(), -180, 180); // longitude first
            Assert.InRange(first[1].GetDouble(), -90, 90);
        }
    }

    [Fact]
    public async Task The_outlines_are_served_simplified_keeping_every_country_and_its_shape_valid()
    {
        static int Points(System.Text.Json.JsonElement c) =>
            c.ValueKind == System.Text.Json.JsonValueKind.Array && c.GetArrayLength() > 0 && c[0].ValueKind == System.Text.Json.JsonValueKind.Number
                ? 1 : c.EnumerateArray().Sum(Points);
        var file = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestApp.RepoGeodata, "country-outlines.geojson"))).RootElement;
        var served = (await app.GetJson("/api/basemap/outlines"));
        var inFile = file.GetProperty("features").EnumerateArray().Sum(f => Points(f.GetProperty("geometry").GetProperty("coordinates")));
        var drawn = served.GetProperty("features").EnumerateArray().Sum(f => Points(f.GetProperty("geometry").GetProperty("coordinates")));
        Assert.True(drawn < inFile / 2, $"{drawn} of {inFile} points served");
        Assert.Equal(file.GetProperty("features").GetArrayLength(), served.GetProperty("features").GetArrayLength());

        // A shape valid in the file stays valid and keeps its country (Russia's, across the antimeridian, is not valid to begin with)
        var before = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(file.GetRawText(), MovingCities.Web.Data.GeoJson.Compact)!;
        var after = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(served.GetRawText(), MovingCities.Web.Data.GeoJson.Compact)!;
        foreach (var (original, simplified) in before.Zip(after))
        {
            Assert.False(simplified.Geometry.IsEmpty);
            if (original.Geometry.IsValid)
                Assert.True(simplified.Geometry.IsValid, simplified.Attributes["name"]?.ToString());
        }
    }

    [Fact]
    public async Task Every_response_carries_a_csp_without_inline_scripts()
    {
        foreach (var path in new[] { "/", "/api/cities", "/cities/konstanz", "/news", "/about.html" })
        {
            var response = await app.Get(path);
            var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task The_map_page_has_no_inline_script_and_loads_its_modules_and_libraries()
    {
        var html = await (await app.Get("/")).Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        // A JSON block (the explorer's options) is data the browser never runs, so the CSP does not concern it.
        var scripts = document.QuerySelectorAll("script").Where(s => s.GetAttribute("type") != "application/json").ToList();
        Assert.All(scripts, s => Assert.False(string.IsNullOrWhiteSpace(s.GetAttribute("src")), "inline script in the map page"));
        foreach (var src in scripts.Select(s => s.GetAttribute("src")!).Concat(["/js/geo.js", "/css/map.css", "/lib/leaflet/images/marker-icon.png"])
                     // What map-boot.js loads once the page has painted, and what the cluster worker loads.
                     .Concat(["/lib/leaflet/leaflet.js", "/js/main.js", "/js/cluster-worker.js", "/lib/supercluster/supercluster.min.js"]))
            Assert.Equal(HttpStatusCode.OK, (await app.Get(src)).StatusCode);
    }
}

public sealed class BasemapTestsOnSqlite(SeededApp<OnSqlite> app) : BasemapTests<OnSqlite>(app);
public sealed class BasemapTestsOnPostgres(SeededApp<OnPostgres> app) : BasemapTests<OnPostgres>(app);
