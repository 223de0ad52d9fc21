using System.Net;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

/// <summary><c>GET /api/places?q=</c>: gazetteer places by name for the map's "near me" without a position.</summary>
public abstract class PlaceTests<TDatabase> : IDisposable where TDatabase : ITestDatabase
{
    readonly TestApp app = TestApp.On<TDatabase>();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_name_finds_its_places_largest_first_with_position_country_and_region()
    {
        var places = (await app.GetJson("/api/places?q=konstanz")).GetProperty("places");
        var first = places[0];
        Assert.Equal("Konstanz", first.GetProperty("name").GetString());
        Assert.Equal("DE", first.GetProperty("country").GetString());
        Assert.Equal("Baden-Württemberg", first.GetProperty("region").GetString());
        Assert.InRange(first.GetProperty("longitude").GetDouble(), 9.1, 9.2);
        Assert.InRange(first.GetProperty("latitude").GetDouble(), 47.6, 47.7);

        // Accents and case aside, and several places of one name, the largest first.
        var zurich = (await app.GetJson("/api/places?q=ZURICH")).GetProperty("places");
        Assert.Equal("Zürich", zurich[0].GetProperty("name").GetString());
        var frankfurt = (await app.GetJson("/api/places?q=frankfurt")).GetProperty("places");
        Assert.Equal("Frankfurt am Main", frankfurt[0].GetProperty("name").GetString());
        Assert.True(frankfurt.GetArrayLength() <= 10);
        Assert.Contains(frankfurt.EnumerateArray(), p => p.GetProperty("name").GetString() == "Frankfurt (Oder)");
    }

    [Fact]
    public async Task Exact_names_come_before_longer_ones_and_a_country_narrows()
    {
        var bern = (await app.GetJson("/api/places?q=bern")).GetProperty("places");
        Assert.Equal("Bern", bern[0].GetProperty("name").GetString());
        Assert.Equal("CH", bern[0].GetProperty("country").GetString());
        var inGermany = (await app.GetJson("/api/places?q=bern&country=de")).GetProperty("places");
        Assert.All(inGermany.EnumerateArray(), p => Assert.Equal("DE", p.GetProperty("country").GetString()));
        Assert.Empty((await app.GetJson("/api/places?q=xqzwv")).GetProperty("places").EnumerateArray());
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=%21%21%21", "q")]
    [InlineData("q=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0", "q")]
    [InlineData("q=konstanz&country=Germany", "country")]
    [InlineData("q=konstanz&country=d1", "country")]
    [InlineData("q=a&q=b", "q")]
    [InlineData("q=konstanz&near=1,2", "near")]
    public async Task Bad_values_get_a_400_naming_the_parameter(string query, string parameter) =>
        await ProblemAssert.BadRequestNaming(await app.Get("/api/places?" + query), parameter);

    [Fact]
    public async Task A_long_name_is_refused_and_the_answer_is_public_and_cacheable()
    {
        await ProblemAssert.BadRequestNaming(await app.Get("/api/places?q=" + new string('a', 101)), "q");
        var response = await app.Get("/api/places?q=konstanz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var again = await app.Get("/api/places?q=konstanz", headers => headers.IfNoneMatch.Add(response.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}

public sealed class PlaceTestsOnSqlite : PlaceTests<OnSqlite>;
public sealed class PlaceTestsOnPostgres : PlaceTests<OnPostgres>;
