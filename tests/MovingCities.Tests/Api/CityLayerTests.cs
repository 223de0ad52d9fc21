using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

/// <summary>GET /api/cities against the seeded geodata: the contract the map builds on.</summary>
public abstract class CityLayerTests<TDatabase>(SeededApp<TDatabase> app) : IClassFixture<SeededApp<TDatabase>> where TDatabase : ITestDatabase
{
    static readonly string[] SeedCities =
    [
        "bern", "bochum", "frankfurt-am-main", "greifswald", "hanau", "hannover", "konstanz", "offenbach-am-main",
        "osnabrueck", "regensburg", "wiesbaden",
    ];

    [Fact]
    public async Task Serves_an_rfc7946_feature_collection_as_geo_json()
    {
        var response = await app.Get("/api/cities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", body.GetProperty("type").GetString());
        Assert.False(body.TryGetProperty("crs", out _));
        Assert.False(body.TryGetProperty("bbox", out _));
        Assert.Equal(SeedCities, body.FeatureIds());
        foreach (var feature in body.GetProperty("features").EnumerateArray())
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.String, feature.GetProperty("id").ValueKind);
            Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.False(feature.TryGetProperty("bbox", out _));
            Assert.False(feature.GetProperty("geometry").TryGetProperty("bbox", out _));
            Assert.Equal(
                ["commitments", "country", "items", "kind", "name", "networks", "newsCount", "region"],
                feature.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
        }
    }

    [Fact]
    public async Task Each_place_says_whether_it_is_a_district_and_which_networks_it_belongs_to()
    {
        using var own = TestApp.On<TDatabase>();
        await own.WithDb(async db =>
        {
            var hannover = await db.Cities.SingleAsync(c => c.Slug == "hannover");
            hannover.Kind = MovingCities.Web.Cities.PlaceKind.District; // as if it were Region Hannover
            await db.SaveChangesAsync();
        });

        var features = (await own.GetJson("/api/cities")).GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("properties"));
        Assert.Equal("district", features["hannover"].GetProperty("kind").GetString());
        Assert.Equal("municipality", features["konstanz"].GetProperty("kind").GetString());
        Assert.Equal(["international-alliance-of-safe-harbours"], features["greifswald"].GetProperty("networks").Strings());
        Assert.Empty(features["konstanz"].GetProperty("networks").Strings());
    }

    [Fact]
    public async Task Positions_are_longitude_then_latitude()
    {
        var konstanz = (await app.GetJson("/api/cities")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("id").GetString() == "konstanz");
        var coordinates = konstanz.GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal(9.18, coordinates[0].GetDouble(), 0.01);
        Assert.Equal(47.66, coordinates[1].GetDouble(), 0.01);
    }

    [Fact]
    public async Task Slim_properties_carry_commitment_keys_and_the_published_news_count()
    {
        var konstanz = (await app.GetJson("/api/cities?q=konstanz")).GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("Konstanz", konstanz.GetProperty("name").GetString());
        Assert.Equal("DE", konstanz.GetProperty("country").GetString());
        Assert.Equal("Baden-Württemberg", konstanz.GetProperty("region").GetString());
        Assert.Equal(["sea-rescue-support"], konstanz.GetProperty("commitments").Strings());
        Assert.Equal(1, konstanz.GetProperty("newsCount").GetInt32());
    }

    [Theory]
    [InlineData("commitment=sea-rescue-support", "bern,bochum,greifswald,konstanz,regensburg")]
    [InlineData("commitment=additional-admission,residence-support", "hannover,osnabrueck,wiesbaden")]
    [InlineData("commitment=additional-admission&commitment=residence-support", "hannover,osnabrueck,wiesbaden")]
    [InlineData("commitment=transparency", "")]
    [InlineData("country=CH", "bern")]
    [InlineData("country=ch", "bern")]
    [InlineData("country=DE,CH&commitment=sea-rescue-support", "bern,bochum,greifswald,konstanz,regensburg")]
    [InlineData("country=DE&commitment=sea-rescue-support", "bochum,greifswald,konstanz,regensburg")]
    [InlineData("bbox=8.5,49.9,9.0,50.2", "frankfurt-am-main,hanau,offenbach-am-main")]
    [InlineData("bbox=8.5,49.9,9.0,50.2&country=DE&commitment=sea-rescue-support", "")]
    [InlineData("bbox=9.0,47.5,-170,48", "konstanz")]
    [InlineData("q=osnabruck", "osnabrueck")]
    [InlineData("q=OSNAB", "osnabrueck")]
    [InlineData("q=osnabrück", "osnabrueck")]
    [InlineData("q=osnabrueck", "osnabrueck")]
    [InlineData("q=frankfurt am", "frankfurt-am-main")]
    [InlineData("q=han", "hanau,hannover")]
    [InlineData("q=main", "")]
    [InlineData("q=b&country=CH", "bern")]
    [InlineData("commitment=", "bern,bochum,frankfurt-am-main,greifswald,hanau,hannover,konstanz,offenbach-am-main,osnabrueck,regensburg,wiesbaden")]
    public async Task Filters_select_exactly_the_matching_cities(string query, string expected)
    {
        var ids = (await app.GetJson($"/api/cities?{query}")).FeatureIds();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), ids);
    }

    [Theory]
    [InlineData("contry=DE", "contry")]
    [InlineData("commitment=sea-rescue", "commitment")]
    [InlineData("commitment=sea-rescue-support,nonsense", "commitment")]
    [InlineData("country=Germany", "country")]
    [InlineData("country=D1", "country")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=a,b,c,d", "bbox")]
    [InlineData("bbox=1,2,3,4,5", "bbox")]
    [InlineData("bbox=1,95,3,96", "bbox")]
    [InlineData("bbox=-190,40,10,50", "bbox")]
    [InlineData("bbox=5,55,15,47", "bbox")]
    [InlineData("bbox=NaN,40,10,50", "bbox")]
    [InlineData("q=%20-%20", "q")]
    public async Task Bad_parameters_get_a_problem_naming_the_parameter(string query, string parameter) =>
        await ProblemAssert.BadRequestNaming(await app.Get($"/api/cities?{query}"), parameter);

    [Fact]
    public async Task An_unknown_commitment_key_is_named_together_with_the_known_ones()
    {
        var message = (await ProblemAssert.BadRequestNaming(await app.Get("/api/cities?commitment=sea-rescue"), "commitment"))[0];
        Assert.Contains("sea-rescue", message);
        Assert.Contains("sea-rescue-support", message);
    }
}

public sealed class CityLayerTestsOnSqlite(SeededApp<OnSqlite> app) : CityLayerTests<OnSqlite>(app);
public sealed class CityLayerTestsOnPostgres(SeededApp<OnPostgres> app) : CityLayerTests<OnPostgres>(app);
