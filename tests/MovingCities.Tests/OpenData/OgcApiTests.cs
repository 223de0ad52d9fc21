using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.OpenData;

/// <summary>
/// OGC API – Features Part 1 at /ogc, against the fixture (11 cities, 8 undated commitments, see
/// TestData/geodata/README.md): every endpoint, every items parameter, its 400s and 404s, paging to the end.
/// </summary>
public class OgcApiTests(SeededApp app) : IClassFixture<SeededApp>
{
    const string Core = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";
    const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    static JsonElement Link(JsonElement document, string rel, string? type = null) =>
        document.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == rel
            && (type is null || l.GetProperty("type").GetString() == type));

    static string? Href(JsonElement document, string rel) =>
        document.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == rel)
            .Select(l => l.GetProperty("href").GetString()).SingleOrDefault();

    static string[] Ids(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").ToString()).ToArray();

    [Fact]
    public async Task The_landing_page_links_itself_the_openapi_definition_the_conformance_and_the_data()
    {
        var landing = await app.GetJson("/ogc");
        Assert.Equal("http://localhost/ogc", Link(landing, "self").GetProperty("href").GetString());
        Assert.Equal("http://localhost/ogc/conformance", Link(landing, "conformance").GetProperty("href").GetString());
        Assert.Equal("http://localhost/ogc/collections", Link(landing, "data").GetProperty("href").GetString());
        var serviceDesc = Link(landing, "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", serviceDesc.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(landing.GetProperty("title").GetString()));

        var openApi = await app.GetJson(new Uri(serviceDesc.GetProperty("href").GetString()!).PathAndQuery);
        Assert.StartsWith("3.0", openApi.GetProperty("openapi").GetString());
        Assert.Equal(["/ogc", "/ogc/collections", "/ogc/collections/{collectionId}", "/ogc/collections/{collectionId}/items",
            "/ogc/collections/{collectionId}/items/{featureId}", "/ogc/collections/{collectionId}/queryables", "/ogc/conformance"],
            openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var parameters = openApi.GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/items").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["bbox", "bbox-crs", "city", "collectionId", "country", "datetime", "f", "limit", "offset", "status", "type"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10000, parameters["limit"].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal(10, parameters["limit"].GetProperty("schema").GetProperty("default").GetInt32());
    }

    [Fact]
    public async Task The_api_json_document_stays_about_the_api_alone()
    {
        var v1 = await app.GetJson("/openapi/v1.json");
        Assert.DoesNotContain(v1.GetProperty("paths").EnumerateObject(), p => p.Name.StartsWith("/ogc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_oas30_and_html()
    {
        var conformance = await app.GetJson("/ogc/conformance");
        Assert.Equal([Core, "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html", "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30"],
            conformance.GetProperty("conformsTo").Strings().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Collections_are_cities_and_commitments_with_licence_extent_from_the_data_and_their_links()
    {
        var collections = await app.GetJson("/ogc/collections");
        Assert.Equal("http://localhost/ogc/collections", Href(collections, "self"));
        var all = collections.GetProperty("collections").EnumerateArray().ToList();
        Assert.Equal(["cities", "commitments"], all.Select(c => c.GetProperty("id").GetString()));

        var cities = await app.GetJson("/api/cities");
        var coordinates = cities.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("geometry").GetProperty("coordinates")).ToList();
        double[] expected = [coordinates.Min(c => c[0].GetDouble()), coordinates.Min(c => c[1].GetDouble()),
            coordinates.Max(c => c[0].GetDouble()), coordinates.Max(c => c[1].GetDouble())];
        foreach (var collection in all)
        {
            var id = collection.GetProperty("id").GetString();
            Assert.Equal(collection.ToString(), (await app.GetJson($"/ogc/collections/{id}")).ToString());
            Assert.Equal("https://creativecommons.org/licenses/by/4.0/", Href(collection, "license"));
            Assert.Equal($"http://localhost/ogc/collections/{id}/items", Link(collection, "items", "application/geo+json").GetProperty("href").GetString());
            Assert.Equal($"http://localhost/ogc/collections/{id}/queryables", Href(collection, "http://www.opengis.net/def/rel/ogc/1.0/queryables"));
            Assert.Contains("GeoNames", collection.GetProperty("description").GetString());
            var spatial = collection.GetProperty("extent").GetProperty("spatial");
            Assert.Equal(Crs84, spatial.GetProperty("crs").GetString());
            Assert.Equal(expected, spatial.GetProperty("bbox")[0].EnumerateArray().Select(n => n.GetDouble()));
            // The fixture's commitments are undated: the temporal extent is open at both ends.
            var interval = collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];
            Assert.All(interval.EnumerateArray(), end => Assert.Equal(JsonValueKind.Null, end.ValueKind));
        }
    }

    [Fact]
    public async Task The_temporal_extent_spans_the_commitments_dates()
    {
        using var dated = new TestApp();
        await SetDates(dated, ("konstanz", "2019-07"), ("bochum", "2021"));
        var collection = await dated.GetJson("/ogc/collections/commitments");
        var interval = collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0];
        Assert.Equal(["2019-07-01T00:00:00Z", "2021-12-31T23:59:59Z"], interval.Strings());
    }

    [Fact]
    public async Task Items_page_ten_at_a_time_by_default_and_the_next_links_reach_every_city_once()
    {
        var seen = new List<string>();
        var url = "/ogc/collections/cities/items";
        var pages = 0;
        string? previousSelf = null;
        while (url is not null)
        {
            var page = await app.GetJson(url);
            pages++;
            Assert.Equal(11, page.GetProperty("numberMatched").GetInt32());
            Assert.Equal(page.GetProperty("features").GetArrayLength(), page.GetProperty("numberReturned").GetInt32());
            Assert.True(DateTimeOffset.TryParse(page.GetProperty("timeStamp").GetString(), out _));
            Assert.Equal("http://localhost" + url, Href(page, "self"));
            if (previousSelf is not null)
                Assert.Equal(previousSelf, Href(page, "prev"));
            else
                Assert.Null(Href(page, "prev"));
            seen.AddRange(Ids(page));
            previousSelf = Href(page, "self");
            url = Href(page, "next") is { } next ? new Uri(next).PathAndQuery : null;
        }
        Assert.Equal(2, pages);
        Assert.Equal((await app.GetJson("/api/cities")).FeatureIds(), seen);
    }

    [Fact]
    public async Task Limit_and_offset_choose_the_page_and_the_links_keep_the_filters()
    {
        var page = await app.GetJson("/ogc/collections/cities/items?country=DE&limit=3&offset=3");
        Assert.Equal(10, page.GetProperty("numberMatched").GetInt32());
        Assert.Equal(["hanau", "hannover", "konstanz"], Ids(page)); // DE cities 4 to 6 in slug order
        Assert.Equal("http://localhost/ogc/collections/cities/items?country=DE&limit=3&offset=6", Href(page, "next"));
        Assert.Equal("http://localhost/ogc/collections/cities/items?country=DE&limit=3", Href(page, "prev"));

        var last = await app.GetJson("/ogc/collections/cities/items?country=DE&limit=3&offset=9");
        Assert.Equal(["wiesbaden"], Ids(last));
        Assert.Null(Href(last, "next"));

        var beyond = await app.GetJson("/ogc/collections/cities/items?offset=50");
        Assert.Equal(0, beyond.GetProperty("numberReturned").GetInt32());
        Assert.Equal(11, beyond.GetProperty("numberMatched").GetInt32());
        Assert.Null(Href(beyond, "next"));
        Assert.Equal("http://localhost/ogc/collections/cities/items?offset=1", Href(beyond, "prev"));

        var all = await app.GetJson("/ogc/collections/cities/items?limit=10000");
        Assert.Equal(11, all.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task A_city_feature_has_the_slim_properties_identifiers_news_count_and_page()
    {
        var konstanz = await app.GetJson("/ogc/collections/cities/items/konstanz");
        Assert.Equal("Feature", konstanz.GetProperty("type").GetString());
        Assert.Equal("konstanz", konstanz.GetProperty("id").GetString());
        Assert.Equal([9.17582, 47.66033], konstanz.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        var properties = konstanz.GetProperty("properties");
        Assert.Equal("Konstanz", properties.GetProperty("name").GetString());
        Assert.Equal("DE", properties.GetProperty("country").GetString());
        Assert.Equal("Baden-Württemberg", properties.GetProperty("region").GetString());
        Assert.Equal(["sea-rescue-support"], properties.GetProperty("commitments").Strings());
        Assert.Equal(1, properties.GetProperty("newsCount").GetInt32());
        Assert.Equal("http://localhost/cities/konstanz", properties.GetProperty("pageUrl").GetString());
        Assert.Equal("08335043", properties.GetProperty("ags").GetString());
        Assert.True(properties.TryGetProperty("wikidata", out _));
        Assert.Equal("http://localhost/ogc/collections/cities/items/konstanz", Href(konstanz, "self"));
        Assert.Equal("http://localhost/ogc/collections/cities", Href(konstanz, "collection"));
    }

    [Fact]
    public async Task The_commitments_collection_has_one_feature_per_commitment_at_its_citys_position()
    {
        var count = await app.App.WithDb(db => db.Commitments.CountAsync());
        var all = await app.GetJson("/ogc/collections/commitments/items?limit=100");
        Assert.Equal(count, all.GetProperty("numberMatched").GetInt32());
        Assert.Equal(count, all.GetProperty("numberReturned").GetInt32());

        var osnabrueck = all.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("city").GetString() == "osnabrueck");
        var properties = osnabrueck.GetProperty("properties");
        Assert.Equal("Osnabrück", properties.GetProperty("cityName").GetString());
        Assert.Equal("DE", properties.GetProperty("country").GetString());
        Assert.Equal("additional-admission", properties.GetProperty("type").GetString());
        Assert.Equal("decided", properties.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(properties.GetProperty("titleDe").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(properties.GetProperty("titleEn").GetString()));
        Assert.StartsWith("http", properties.GetProperty("sourceUrl").GetString());
        foreach (var name in new[] { "date", "summaryDe", "summaryEn", "lastVerified", "region" })
            Assert.True(properties.TryGetProperty(name, out _), name);
        Assert.Equal([8.0498, 52.27264], osnabrueck.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));

        var id = osnabrueck.GetProperty("id").GetInt32();
        var single = await app.GetJson($"/ogc/collections/commitments/items/{id}");
        Assert.Equal("osnabrueck", single.GetProperty("properties").GetProperty("city").GetString());
    }

    [Theory]
    [InlineData("cities", "country=CH", "bern")]
    [InlineData("cities", "country=ch,at", "bern")]
    [InlineData("cities", "type=additional-admission", "hannover,osnabrueck")]
    [InlineData("cities", "type=additional-admission&status=decided", "osnabrueck")]
    [InlineData("cities", "status=announced", "hannover")]
    [InlineData("cities", "city=konstanz,bern", "bern,konstanz")]
    [InlineData("cities", "bbox=8.5,49.9,9.0,50.2", "frankfurt-am-main,hanau,offenbach-am-main")]
    [InlineData("cities", "bbox=8.5,49.9,0,9.0,50.2,1000", "frankfurt-am-main,hanau,offenbach-am-main")]
    [InlineData("cities", "bbox=8.5,49.9,9.0,50.2&bbox-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84", "frankfurt-am-main,hanau,offenbach-am-main")]
    [InlineData("cities", "country=DE&type=sea-rescue-support&bbox=7,47,10,52", "bochum,konstanz")]
    [InlineData("commitments", "status=decided", "osnabrueck")]
    [InlineData("commitments", "type=sea-rescue-support&country=CH", "bern")]
    [InlineData("commitments", "city=hannover", "hannover")]
    [InlineData("commitments", "bbox=9,47,10,48", "konstanz")]
    [InlineData("commitments", "city=hanau", "")]
    public async Task Property_and_place_filters_select_exactly_the_matching_features(string collection, string query, string expected)
    {
        var page = await app.GetJson($"/ogc/collections/{collection}/items?limit=100&{query}");
        var cities = page.GetProperty("features").EnumerateArray()
            .Select(f => collection == "cities" ? f.GetProperty("id").GetString() : f.GetProperty("properties").GetProperty("city").GetString()).Order().ToArray();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), cities);
        Assert.Equal(cities.Length, page.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Revoked_commitments_are_features_of_their_own_but_match_a_city_only_when_asked_for()
    {
        using var changed = new TestApp();
        await changed.WithDb(async db =>
        {
            var hannover = await db.Commitments.SingleAsync(c => c.City.Slug == "hannover");
            hannover.Status = MovingCities.Web.Commitments.CommitmentStatus.Revoked;
            await db.SaveChangesAsync();
        });
        Assert.Contains("hannover", (await changed.GetJson("/ogc/collections/commitments/items?type=additional-admission"))
            .GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("city").GetString()));
        Assert.Equal(["osnabrueck"], Ids(await changed.GetJson("/ogc/collections/cities/items?type=additional-admission")));
        Assert.Equal(["hannover"], Ids(await changed.GetJson("/ogc/collections/cities/items?status=revoked")));
    }

    static async Task SetDates(TestApp app, params (string City, string Date)[] dates)
    {
        await app.WithDb(async db =>
        {
            foreach (var (city, date) in dates)
                (await db.Commitments.FirstAsync(c => c.City.Slug == city)).Date = date;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Datetime_matches_commitments_whose_date_overlaps_an_instant_or_an_interval_with_open_ends()
    {
        using var dated = new TestApp();
        await SetDates(dated, ("konstanz", "2019-07"), ("bern", "2019-07-11"), ("bochum", "2020"), ("osnabrueck", "2018-12-31"));

        async Task<string[]> Cities(string collection, string datetime)
        {
            var page = await dated.GetJson($"/ogc/collections/{collection}/items?datetime={Uri.EscapeDataString(datetime)}");
            return page.GetProperty("features").EnumerateArray()
                .Select(f => collection == "cities" ? f.GetProperty("id").GetString()! : f.GetProperty("properties").GetProperty("city").GetString()!)
                .Order().ToArray();
        }

        Assert.Equal(["konstanz"], await Cities("commitments", "2019-07-15"));                       // a date: in that month
        Assert.Equal(["bern", "konstanz"], await Cities("commitments", "2019-07-11T12:00:00Z"));     // an instant on that day
        Assert.Equal(["bern", "konstanz"], await Cities("commitments", "2019-07-11T13:00:00+02:00"));
        Assert.Equal(["bern", "konstanz"], await Cities("commitments", "2019-01-01/2019-12-31"));
        Assert.Equal(["bochum"], await Cities("commitments", "2020-01-01T00:00:00Z/.."));
        Assert.Equal(["bern", "konstanz", "osnabrueck"], await Cities("commitments", "../2019-07-11"));
        Assert.Equal(["osnabrueck"], await Cities("commitments", "/2019-01-01T00:00:00Z"));
        Assert.Equal(["bern", "bochum", "konstanz", "osnabrueck"], await Cities("commitments", "../.."));  // every dated one
        Assert.Equal(["bern", "konstanz"], await Cities("cities", "2019-07-01/2019-07-31"));
        Assert.Empty(await Cities("cities", "2024-01-01"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("offset=1.5", "offset")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=1,2,3,x", "bbox")]
    [InlineData("bbox=0,95,10,96", "bbox")]
    [InlineData("bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326", "bbox-crs")]
    [InlineData("datetime=2019-13-01", "datetime")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("datetime=2019/2020", "datetime")]
    [InlineData("datetime=2020-01-01/2019-01-01", "datetime")]
    [InlineData("datetime=2019-01-01/2019-02-01/2019-03-01", "datetime")]
    [InlineData("country=Germany", "country")]
    [InlineData("type=sea-rescue", "type")]
    [InlineData("status=maybe", "status")]
    [InlineData("f=xml", "f")]
    [InlineData("sortby=name", "sortby")]
    [InlineData("limit=1&limit=2", "limit")]
    public async Task Invalid_parameters_get_400_with_the_standards_exception_naming_them(string query, string parameter)
    {
        foreach (var collection in new[] { "cities", "commitments" })
        {
            var response = await app.Get($"/ogc/collections/{collection}/items?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var exception = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("InvalidParameterValue", exception.GetProperty("code").GetString());
            Assert.Contains(parameter, exception.GetProperty("description").GetString());
            Assert.Equal(400, exception.GetProperty("status").GetInt32());
        }
    }

    [Theory]
    [InlineData("/ogc?limit=5")]
    [InlineData("/ogc/conformance?bbox=1,2,3,4")]
    [InlineData("/ogc/collections?f=pdf")]
    [InlineData("/ogc/collections/cities/items/konstanz?limit=1")]
    public async Task Other_endpoints_refuse_parameters_they_do_not_take(string url)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameterValue", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/ogc/collections/towns")]
    [InlineData("/ogc/collections/towns/items")]
    [InlineData("/ogc/collections/towns/queryables")]
    [InlineData("/ogc/collections/cities/items/atlantis")]
    [InlineData("/ogc/collections/commitments/items/999999")]
    [InlineData("/ogc/collections/commitments/items/konstanz")]
    public async Task Unknown_collections_and_features_get_404_with_the_standards_exception(string url)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var exception = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("NotFound", exception.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(exception.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task An_address_under_ogc_that_is_nothing_gets_problem_details_not_a_page()
    {
        var response = await app.Get("/ogc/nothing/here", h => h.Accept.ParseAdd("application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("cities")]
    [InlineData("commitments")]
    public async Task Queryables_list_country_type_status_and_city_as_json_schema(string collection)
    {
        var response = await app.Get($"/ogc/collections/{collection}/queryables");
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Equal($"http://localhost/ogc/collections/{collection}/queryables", schema.GetProperty("$id").GetString());
        var properties = schema.GetProperty("properties");
        Assert.Equal(["city", "country", "status", "type"], properties.EnumerateObject().Select(p => p.Name).Order());
        var types = (await app.GetJson("/api/commitment-types")).EnumerateArray().Select(t => t.GetProperty("key").GetString()).Order();
        Assert.Equal(types, properties.GetProperty("type").GetProperty("enum").Strings().Order());
        Assert.Equal(["announced", "decided", "implemented", "rejected", "revoked"], properties.GetProperty("status").GetProperty("enum").Strings().Order());
    }

    [Theory]
    [InlineData("/ogc")]
    [InlineData("/ogc/conformance")]
    [InlineData("/ogc/collections")]
    [InlineData("/ogc/collections/cities")]
    [InlineData("/ogc/collections/commitments/queryables")]
    [InlineData("/ogc/collections/commitments/items")]
    [InlineData("/ogc/collections/cities/items/konstanz")]
    public async Task A_browser_gets_a_page_in_its_language_and_a_program_gets_json_at_the_same_address(string url)
    {
        foreach (var (lang, accept) in new[] { ("de", "de-DE,de;q=0.9"), ("en", "en-GB,en;q=0.9") })
        {
            var page = await app.Get(url, h =>
            {
                h.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
                h.AcceptLanguage.ParseAdd(accept);
            });
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Accept", page.Headers.Vary);
            var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
            Assert.Equal(lang, document.DocumentElement.GetAttribute("lang"));
            Assert.NotNull(document.QuerySelector("header.site-header"));
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("main h1")?.TextContent));
        }

        var json = await app.Get(url, h => h.Accept.ParseAdd("application/json"));
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Contains(json.Content.Headers.ContentType?.MediaType, new[] { "application/json", "application/geo+json", "application/schema+json" });
        Assert.Contains("Accept", json.Headers.Vary);

        var forced = await app.Get(url + "?f=json", h => h.Accept.ParseAdd("text/html"));
        Assert.NotEqual("text/html", forced.Content.Headers.ContentType?.MediaType);
        var asked = await app.Get(url + "?f=html");
        Assert.Equal("text/html", asked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_html_items_page_shows_the_features_and_pages_through_them_in_html()
    {
        var response = await app.Get("/ogc/collections/commitments/items?f=html&limit=3", h => h.AcceptLanguage.ParseAdd("en"));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var rows = document.QuerySelectorAll("main tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains("Bern", rows[0].TextContent);
        Assert.StartsWith("http", rows[0].QuerySelector("td:last-child a")!.GetAttribute("href"));
        var next = document.QuerySelector("main nav a")!.GetAttribute("href")!;
        Assert.EndsWith("/ogc/collections/commitments/items?limit=3&offset=3&f=html", next);
        Assert.Contains("CC BY 4.0", document.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Items_answers_revalidate_with_their_etag_and_come_compressed()
    {
        const string url = "/ogc/collections/commitments/items?limit=5";
        var first = await app.Get(url);
        Assert.NotNull(first.Headers.ETag);
        var again = await app.Get(url, h => h.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        var plain = await first.Content.ReadAsByteArrayAsync();
        var compressed = await app.Get(url, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());
        using var input = new MemoryStream(await compressed.Content.ReadAsByteArrayAsync());
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        brotli.CopyTo(output);
        Assert.Equal(plain, output.ToArray());
    }

    [Fact]
    public async Task A_saved_change_shows_in_the_next_items_answer()
    {
        using var changed = new TestApp();
        var before = await changed.GetJson("/ogc/collections/cities/items?country=CH");
        Assert.Equal(["bern"], Ids(before));
        await changed.WithDb(async db =>
        {
            (await db.Cities.SingleAsync(c => c.Slug == "konstanz")).Country = "CH";
            await db.SaveChangesAsync();
        });
        Assert.Equal(["bern", "konstanz"], Ids(await changed.GetJson("/ogc/collections/cities/items?country=CH")));
    }
}
