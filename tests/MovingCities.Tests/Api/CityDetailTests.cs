using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Api;

public abstract class CityDetailTests<TDatabase>(SeededApp<TDatabase> app) : IClassFixture<SeededApp<TDatabase>> where TDatabase : ITestDatabase
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
        Assert.Contains("Sea-Eye", commitment.GetProperty("summary").GetProperty("en").GetString());
        Assert.Contains("Seenotrettung", commitment.GetProperty("summary").GetProperty("de").GetString());

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
        Assert.Contains("Afghanistan", osnabrueck.GetProperty("summary").GetProperty("en").GetString());
    }

    [Fact]
    public async Task Summaries_and_descriptions_are_objects_by_language_leaving_out_a_missing_language()
    {
        using var own = TestApp.On<TDatabase>();
        await own.WithDb(async db =>
        {
            var konstanz = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
            konstanz.Description = new("Stadt am Bodensee.", null);
            konstanz.Commitments.Single().Summary = new(null, "Only in English.");
            var bochum = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "bochum");
            bochum.Commitments.Single(c => c.TypeKey == "sea-rescue-support").Summary = LocalizedText.Empty;
            await db.SaveChangesAsync();
        });

        var konstanz = (await own.GetJson("/api/cities/konstanz")).GetProperty("properties");
        Assert.Equal("""{"de":"Stadt am Bodensee."}""", konstanz.GetProperty("description").GetRawText());
        Assert.Equal("""{"en":"Only in English."}""", konstanz.GetProperty("commitments")[0].GetProperty("summary").GetRawText());
        var bochum = (await own.GetJson("/api/cities/bochum")).GetProperty("properties");
        var rescue = bochum.GetProperty("commitments").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "sea-rescue-support");
        Assert.False(rescue.TryGetProperty("summary", out _));
        Assert.Equal(JsonValueKind.Null, bochum.GetProperty("description").ValueKind);
    }

    [Fact]
    public async Task A_changed_summary_changes_the_city_answer_and_its_etag()
    {
        using var own = TestApp.On<TDatabase>();
        var before = await own.Get("/api/cities/konstanz");
        var etag = before.Headers.ETag!;

        await own.WithDb(async db =>
        {
            var commitment = await db.Commitments.SingleAsync(c => c.City.Slug == "konstanz");
            commitment.Summary = commitment.Summary with { De = "Neu geschrieben." };
            await db.SaveChangesAsync();
        });

        var after = await own.Get("/api/cities/konstanz", headers => headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Contains("Neu geschrieben.", await after.Content.ReadAsStringAsync());
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

public sealed class CityDetailTestsOnSqlite(SeededApp<OnSqlite> app) : CityDetailTests<OnSqlite>(app);
public sealed class CityDetailTestsOnPostgres(SeededApp<OnPostgres> app) : CityDetailTests<OnPostgres>(app);
