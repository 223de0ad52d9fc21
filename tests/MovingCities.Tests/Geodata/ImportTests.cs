using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Geodata;

public class ImportTests : IDisposable
{
    readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    const string Source = "https://example.org/council-decision";

    /// <summary>A feature in the import format; tests change one field at a time.</summary>
    public static JsonObject Feature(string? id, string name, double lon, double lat, string country = "DE") => new()
    {
        ["type"] = "Feature",
        ["id"] = id,
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) },
        ["properties"] = new JsonObject
        {
            ["name"] = name, ["country"] = country, ["region"] = "Hessen",
            ["commitments"] = new JsonArray(new JsonObject
            {
                ["type"] = "safe-harbour-declaration", ["status"] = "decided", ["date"] = "2019-07", ["sourceUrl"] = Source,
            }),
        },
    };

    public static string Collection(params JsonObject[] features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features) }.ToJsonString();

    Task<GeodataImport.ImportResult> Import(string json) =>
        _app.WithDb(db => new GeodataImport(db).ImportCitiesAsync(json, "upload.geojson"));

    Task<string> Snapshot() => _app.WithDb(async db => string.Join(";",
        (await db.Cities.Include(c => c.Commitments).OrderBy(c => c.Slug).ToListAsync())
            .Select(c => $"{c.Slug}:{c.Name}:{c.Longitude}:{c.Latitude}:{string.Join(',', c.Commitments.Select(m => m.TypeKey + m.Status))}")));

    [Fact]
    public async Task Creates_new_cities_and_replaces_the_commitments_of_existing_ones()
    {
        var result = await Import(Collection(
            Feature("testhausen", "Testhausen", 8.5, 50.5),
            Feature("konstanz", "Konstanz", 9.17582, 47.66033)));

        Assert.Equal(new GeodataImport.ImportResult(1, 1), result);
        var konstanz = await _app.GetJson("/api/cities/konstanz");
        Assert.Equal(["safe-harbour-declaration"],
            konstanz.GetProperty("properties").GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("type").GetString()));
        Assert.Equal("2019-07", konstanz.GetProperty("properties").GetProperty("commitments")[0].GetProperty("date").GetString());
        Assert.Contains("testhausen", (await _app.GetJson("/api/cities?q=testh")).FeatureIds());
    }

    [Fact]
    public async Task An_editor_form_opened_before_an_import_cannot_write_over_it()
    {
        var editor = await Editor.SignIn(_app);
        var id = await _app.WithDb(db => db.Cities.Where(c => c.Slug == "konstanz").Select(c => c.Id).SingleAsync());
        var form = await editor.Page($"/admin/cities/{id}");
        var loaded = form.QuerySelector("form[data-role=city-form] input[name='Input.Version']")!.GetAttribute("value")!;

        await Import(Collection(Feature("konstanz", "Konstanz", 9.17582, 47.66033)));

        var response = await editor.PostForm($"/admin/cities/{id}?handler=SaveCity", new()
        {
            ["Input.Name"] = "Konstanz", ["Input.Country"] = "DE", ["Input.Region"] = "Baden-Württemberg", ["Input.DescriptionEn"] = "old form",
            ["Input.Latitude"] = "47.66033", ["Input.Longitude"] = "9.17582", ["Input.Version"] = loaded, ["Input.ConfirmFar"] = "false",
        }, $"/admin/cities/{id}");
        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(await _app.WithDb(db => db.Cities.Where(c => c.Id == id).Select(c => c.Description.En).SingleAsync()));
    }

    [Fact]
    public async Task Coordinates_are_stored_to_six_decimals()
    {
        await Import(Collection(Feature("precise", "Precise", 8.123456789, 50.987654321)));
        var coordinates = (await _app.GetJson("/api/cities/precise")).GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(8.123457, coordinates[0].GetDouble());
        Assert.Equal(50.987654, coordinates[1].GetDouble());
    }

    [Fact]
    public async Task Features_without_id_match_the_same_city_or_get_a_distinct_slug()
    {
        var result = await Import(Collection(
            Feature(null, "Hanau", 8.91418, 50.13423),
            Feature(null, "Bern", 13.1, 52.0, country: "DE")));

        Assert.Equal(new GeodataImport.ImportResult(1, 1), result);
        Assert.Equal("Bern", (await _app.GetJson("/api/cities/bern-hessen")).GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("CH", (await _app.GetJson("/api/cities/bern")).GetProperty("properties").GetProperty("country").GetString());
    }

    public static TheoryData<string, string> BadFiles()
    {
        JsonObject With(Action<JsonObject> change)
        {
            var feature = Feature("broken", "Broken", 8.5, 50.5);
            change(feature);
            return feature;
        }
        JsonObject Commitment(JsonObject f) => f["properties"]!["commitments"]![0]!.AsObject();
        return new()
        {
            { "{ not json", "not valid JSON" },
            { "{\"type\":\"Feature\"}", "FeatureCollection" },
            { Collection(With(f => f["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(47.66, 190.0) })), "feature #1 (broken): geometry.coordinates[1]" },
            { Collection(With(f => f["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(200.0, 47.0) })), "feature #1 (broken): geometry.coordinates[0]" },
            { Collection(With(f => f["geometry"] = new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(new JsonArray(1.0, 2.0), new JsonArray(3.0, 4.0)) })), "geometry: must be a Point" },
            { Collection(With(f => f["geometry"] = null)), "geometry: missing" },
            { Collection(With(f => f["properties"]!.AsObject().Remove("name"))), "feature #1 (broken): properties.name: required" },
            { Collection(With(f => f["properties"]!["country"] = "Germany")), "properties.country" },
            { Collection(With(f => f["properties"]!["population"] = 5)), "properties.population: unknown property" },
            { Collection(With(f => f["properties"]!["kind"] = "county")), "properties.kind: \"county\" is not a kind of place (known: municipality, district)" },
            { Collection(With(f => f["id"] = "Not A Slug")), "id:" },
            { Collection(With(f => Commitment(f)["type"] = "sea-rescue")), "properties.commitments[0].type" },
            { Collection(With(f => Commitment(f)["status"] = "declared")), "properties.commitments[0].status" },
            { Collection(With(f => Commitment(f)["date"] = "2019-13")), "properties.commitments[0].date" },
            { Collection(With(f => Commitment(f).Remove("sourceUrl"))), "properties.commitments[0].sourceUrl: required" },
            { Collection(With(f => Commitment(f)["sourceUrl"] = "javascript:alert(1)")), "properties.commitments[0].sourceUrl" },
            { Collection(With(f => Commitment(f)["lastVerified"] = "yesterday")), "properties.commitments[0].lastVerified" },
            { Collection(With(f => Commitment(f)["sourceURL"] = Source)), "properties.commitments[0].sourceURL: unknown field" },
            { Collection(With(f => f["properties"]!["identifiers"] = new JsonObject { ["ags"] = "123" })), "properties.identifiers.ags" },
            { Collection(Feature("twice", "A", 8, 50), Feature("twice", "B", 9, 51)), "id \"twice\" is used by 2 features" },
            { Collection(With(f => Commitment(f)["summary"] = "Declared a safe harbour.")), "feature #1 (broken): properties.commitments[0].summary: must be an object with the text in German and English" },
            { Collection(With(f => Commitment(f)["summary"] = new JsonObject { ["fr"] = "Port sûr." })), "feature #1 (broken): properties.commitments[0].summary.fr: unknown language (known: de, en)" },
            { Collection(With(f => Commitment(f)["summary"] = new JsonObject { ["de"] = "", ["en"] = "  " })), "feature #1 (broken): properties.commitments[0].summary: needs the text in at least one language" },
            { Collection(With(f => Commitment(f)["summary"] = new JsonObject { ["de"] = 5 })), "feature #1 (broken): properties.commitments[0].summary.de: must be a string" },
            { Collection(With(f => Commitment(f)["summary"] = new JsonObject { ["en"] = new string('x', 2001) })), "feature #1 (broken): properties.commitments[0].summary.en: longer than" },
            { Collection(With(f => f["properties"]!["description"] = "A town.")), "feature #1 (broken): properties.description: must be an object" },
            { Collection(With(f => f["properties"]!["description"] = new JsonObject())), "feature #1 (broken): properties.description: needs the text in at least one language" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_naming_the_feature_and_field_and_nothing_is_written(string json, string expected)
    {
        var before = await Snapshot();
        var etag = (await _app.Get("/api/cities")).Headers.ETag;

        var error = await Assert.ThrowsAsync<GeodataException>(() => Import(json));

        Assert.Contains(error.Problems, p => p.Contains(expected));
        Assert.All(error.Problems, p => Assert.StartsWith("upload.geojson", p));
        Assert.Equal(before, await Snapshot());
        Assert.Equal(etag, (await _app.Get("/api/cities")).Headers.ETag);
    }

    [Fact]
    public async Task One_bad_feature_among_good_ones_writes_nothing_at_all()
    {
        var before = await Snapshot();
        var bad = Feature("bad", "Bad", 8, 50);
        bad["properties"]!["commitments"]![0]!["status"] = "maybe";

        var error = await Assert.ThrowsAsync<GeodataException>(() =>
            Import(Collection(Feature("good", "Good", 8, 50), Feature("konstanz", "Konstanz", 9.17582, 47.66033), bad)));

        Assert.Single(error.Problems);
        Assert.Contains("feature #3 (bad)", error.Problems[0]);
        Assert.Equal(before, await Snapshot());
    }
}
