using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Api;

/// <summary>
/// <c>GET /api/cities</c> by status, years and region: the same commitment must satisfy type, status and years;
/// revoked and rejected items count only on request; bad values get a 400 naming the parameter.
/// </summary>
public abstract class CityFilterTests<TDatabase> : IDisposable where TDatabase : ITestDatabase
{
    readonly TestApp app = TestApp.On<TDatabase>();

    protected CityFilterTests() => app.WithDb(async db =>
    {
        // Konstanz withdrew its sea-rescue support in 2024; Bochum's is dated 2020, Bern's 2021-05.
        var konstanz = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
        konstanz.Commitments.Single().Status = CommitmentStatus.Revoked;
        konstanz.Commitments.Single().Date = "2024";
        foreach (var (slug, date) in new[] { ("bochum", "2020-03-01"), ("bern", "2021-05") })
            foreach (var commitment in (await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == slug)).Commitments)
                commitment.Date = date;
        await db.SaveChangesAsync();
    }).GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    static JsonElement Feature(JsonElement collection, string id) =>
        collection.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);

    [Fact]
    public async Task A_revoked_commitment_colours_nothing_matches_no_type_and_shows_only_on_request()
    {
        var all = await app.GetJson("/api/cities");
        var konstanz = Feature(all, "konstanz").GetProperty("properties");
        Assert.Empty(konstanz.GetProperty("commitments").EnumerateArray());
        Assert.Equal("[[\"sea-rescue-support\",\"revoked\",2024]]", konstanz.GetProperty("items").GetRawText());

        Assert.DoesNotContain("konstanz", (await app.GetJson("/api/cities?commitment=sea-rescue-support")).FeatureIds());
        Assert.Equal(["konstanz"], (await app.GetJson("/api/cities?status=revoked")).FeatureIds());
        Assert.Equal(["konstanz"], (await app.GetJson("/api/cities?commitment=sea-rescue-support&status=revoked,rejected")).FeatureIds());
    }

    [Theory]
    [InlineData("de", "2024 aufgehoben")]
    [InlineData("en", "revoked in 2024")]
    public async Task The_city_page_strikes_a_revoked_commitment_through_and_says_when(string lang, string text)
    {
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await app.Get($"/{lang}/cities/konstanz")).Content.ReadAsStringAsync());
        var item = page.QuerySelector("[data-role=commitments] [data-commitment=sea-rescue-support]")!;
        Assert.Equal("revoked", item.GetAttribute("data-status"));
        Assert.Contains("timeline__item--withdrawn", item.ClassName);
        Assert.Contains(text, item.TextContent);
    }

    [Fact]
    public async Task Years_count_the_year_of_a_partial_date_and_undated_ones_only_when_asked()
    {
        Assert.Equal(["bochum"], (await app.GetJson("/api/cities?from=2020&to=2020")).FeatureIds());
        Assert.Equal(["bern", "bochum"], (await app.GetJson("/api/cities?from=2020&to=2021")).FeatureIds());
        Assert.Empty((await app.GetJson("/api/cities?from=2024")).FeatureIds()); // Konstanz's 2024 is a revocation
        Assert.Equal(["konstanz"], (await app.GetJson("/api/cities?from=2024&status=revoked")).FeatureIds());
        var withUndated = (await app.GetJson("/api/cities?from=2021&undated=true")).FeatureIds();
        Assert.Contains("bern", withUndated);
        Assert.DoesNotContain("bochum", withUndated);
        Assert.True(withUndated.Length > 2, "undated commitments of the other cities count too");
    }

    [Fact]
    public async Task Regions_narrow_within_countries()
    {
        var all = await app.GetJson("/api/cities");
        var inBadenWuerttemberg = all.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("region").GetString() == "Baden-Württemberg")
            .Select(f => f.GetProperty("id").GetString()!).Order().ToArray();
        Assert.NotEmpty(inBadenWuerttemberg);
        Assert.Equal(inBadenWuerttemberg, (await app.GetJson("/api/cities?country=DE&region=Baden-W%C3%BCrttemberg")).FeatureIds());
        Assert.Empty((await app.GetJson("/api/cities?country=CH&region=Baden-W%C3%BCrttemberg")).FeatureIds());
    }

    [Theory]
    [InlineData("status=forgotten", "status")]
    [InlineData("from=twenty", "from")]
    [InlineData("from=20190", "from")]
    [InlineData("to=-1", "to")]
    [InlineData("from=2022&to=2020", "to")]
    [InlineData("from=2020&undated=maybe", "undated")]
    public async Task Bad_filter_values_get_a_400_naming_the_parameter(string query, string parameter) =>
        await ProblemAssert.BadRequestNaming(await app.Get("/api/cities?" + query), parameter);

    [Fact]
    public async Task A_region_name_over_the_limit_is_refused()
    {
        await ProblemAssert.BadRequestNaming(await app.Get("/api/cities?region=" + new string('x', 201)), "region");
    }
}

public sealed class CityFilterTestsOnSqlite : CityFilterTests<OnSqlite>;
public sealed class CityFilterTestsOnPostgres : CityFilterTests<OnPostgres>;
