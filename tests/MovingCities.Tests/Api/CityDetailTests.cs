using System.Net;
using System.Text.Json;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

public class CityDetailTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task A_city_is_one_feature_with_commitments_as_sourced_objects_and_its_news()
    {
        var response = await app.Get("/api/cities/konstanz");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("konstanz", feature.GetProperty("id").GetString());
        Assert.Equal(9.17582, feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
        var properties = feature.GetProperty("properties");
        Assert.Equal("Konstanz", properties.GetProperty("name").GetString());
        Assert.Equal("08335043", properties.GetProperty("identifiers").GetProperty("ags").GetString());

        var commitment = properties.GetProperty("commitments").EnumerateArray().Single();
        Assert.Equal("sea-rescue-support", commitment.GetProperty("type").GetString());
        Assert.Equal("Sea rescue support", commitment.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("Unterstützung der Seenotrettung", commitment.GetProperty("title").GetProperty("de").GetString());
        Assert.Equal("implemented", commitment.GetProperty("status").GetString());
        Assert.StartsWith("https://moving-cities.eu/", commitment.GetProperty("sourceUrl").GetString());
        Assert.Contains("Sea-Eye", commitment.GetProperty("summary").GetString());

        var news = properties.GetProperty("news").EnumerateArray().Single();
        Assert.Equal("tageskonferenz-kommunen-als-sichere-haefen", news.GetProperty("slug").GetString());
        Assert.Equal("2025-11-20", news.GetProperty("publishedAt").GetString());
        Assert.Equal("/news/tageskonferenz-kommunen-als-sichere-haefen", news.GetProperty("url").GetString());
        Assert.StartsWith("Tageskonferenz", news.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_city_lists_the_networks_it_belongs_to()
    {
        var networks = (await app.GetJson("/api/cities/greifswald")).GetProperty("properties").GetProperty("networks");
        Assert.Equal("international-alliance-of-safe-harbours", networks.EnumerateArray().Single().GetProperty("slug").GetString());
        Assert.Empty((await app.GetJson("/api/cities/bern")).GetProperty("properties").GetProperty("networks").EnumerateArray());
    }

    [Fact]
    public async Task Commitment_dates_and_statuses_come_through_as_stored()
    {
        var osnabrueck = (await app.GetJson("/api/cities/osnabrueck")).GetProperty("properties").GetProperty("commitments")[0];
        Assert.Equal("additional-admission", osnabrueck.GetProperty("type").GetString());
        Assert.Equal("decided", osnabrueck.GetProperty("status").GetString());
        Assert.Contains("Afghanistan", osnabrueck.GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("/api/cities/atlantis")]
    [InlineData("/api/cities/osnabr%C3%BCck")]
    public async Task An_unknown_slug_is_a_404_problem(string url)
    {
        var response = await app.Get(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("City not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Slugs_match_regardless_of_case()
    {
        var feature = await app.GetJson("/api/cities/Konstanz");
        Assert.Equal("konstanz", feature.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Query_parameters_on_a_city_are_refused()
    {
        var response = await app.Get("/api/cities/konstanz?lang=de");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
