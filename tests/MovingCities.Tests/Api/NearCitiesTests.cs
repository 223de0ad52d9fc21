using System.Text.Json;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

/// <summary>
/// <c>GET /api/cities?near=lon,lat&amp;limit=n</c>: the cities the other filters keep, nearest first, each with its
/// distance; bad values get a 400 naming the parameter, never a 500.
/// </summary>
public abstract class NearCitiesTests<TDatabase> : IDisposable where TDatabase : ITestDatabase
{
    const string Konstanz = "9.17582,47.66033";
    readonly TestApp app = TestApp.On<TDatabase>();

    public void Dispose() => app.Dispose();

    static string[] InOrder(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToArray();

    static double[] Distances(JsonElement collection) =>
        collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("distanceKm").GetDouble()).ToArray();

    [Fact]
    public async Task Near_sorts_every_city_by_distance_with_its_distance_in_km()
    {
        var all = await app.GetJson("/api/cities");
        var near = await app.GetJson($"/api/cities?near={Konstanz}");

        Assert.Equal(all.FeatureIds(), near.FeatureIds());
        Assert.Equal(["konstanz", "bern", "regensburg", "offenbach-am-main", "frankfurt-am-main", "hanau", "wiesbaden",
            "bochum", "osnabrueck", "hannover", "greifswald"], InOrder(near));
        var km = Distances(near);
        Assert.Equal(0, km[0]);
        Assert.Equal(152.5, km[1]);
        Assert.Equal(km.Order(), km);
        Assert.False(all.GetProperty("features")[0].GetProperty("properties").TryGetProperty("distanceKm", out _));
    }

    [Fact]
    public async Task Limit_keeps_the_nearest_and_combines_with_the_other_filters()
    {
        Assert.Equal(["konstanz", "bern", "regensburg"], InOrder(await app.GetJson($"/api/cities?near={Konstanz}&limit=3")));
        Assert.Equal(["konstanz"], InOrder(await app.GetJson($"/api/cities?near={Konstanz}&limit=1")));
        // Sea rescue only: Offenbach and Frankfurt are nearer than Bochum but have no such commitment.
        Assert.Equal(["konstanz", "bern", "regensburg", "bochum"],
            InOrder(await app.GetJson($"/api/cities?near={Konstanz}&limit=4&commitment=sea-rescue-support")));
        Assert.Equal(["regensburg", "offenbach-am-main"], InOrder(await app.GetJson($"/api/cities?near={Konstanz}&limit=2&country=DE&region=Bayern,Hessen")));
        // A box and a name narrow in SQL first, and the order still holds.
        Assert.Equal(["hanau", "hannover"], InOrder(await app.GetJson($"/api/cities?q=han&near={Konstanz}")));
        Assert.Equal(["offenbach-am-main", "frankfurt-am-main", "hanau"],
            InOrder(await app.GetJson($"/api/cities?bbox=8.5,50,9,50.2&near={Konstanz}&limit=3")));
        // More than there are is all of them; a point far away still answers.
        Assert.Equal(11, InOrder(await app.GetJson($"/api/cities?near=-179.9,-89.9&limit=1000")).Length);
        Assert.Empty(InOrder(await app.GetJson($"/api/cities?near={Konstanz}&country=FR")));
    }

    [Fact]
    public async Task The_answer_has_an_etag_and_follows_saved_changes()
    {
        var first = await app.Get($"/api/cities?near={Konstanz}&limit=2");
        Assert.NotNull(first.Headers.ETag);
        await app.WithDb(async db =>
        {
            var bern = db.Cities.Single(c => c.Slug == "bern");
            bern.MoveTo(7.0, 55.0);
            await db.SaveChangesAsync();
        });
        Assert.Equal(["konstanz", "regensburg"], InOrder(await app.GetJson($"/api/cities?near={Konstanz}&limit=2")));
    }

    [Theory]
    [InlineData("near=abc", "near")]
    [InlineData("near=9.1", "near")]
    [InlineData("near=9.1,47,3", "near")]
    [InlineData("near=9.1;47.6", "near")]
    [InlineData("near=NaN,47", "near")]
    [InlineData("near=Infinity,47", "near")]
    [InlineData("near=1e999,47", "near")]
    [InlineData("near=181,47", "near")]
    [InlineData("near=-180.5,47", "near")]
    [InlineData("near=9,91", "near")]
    [InlineData("near=9,-90.01", "near")]
    [InlineData("near=47.66%2C9.17%2C", "near")]
    [InlineData("near=9,47&limit=0", "limit")]
    [InlineData("near=9,47&limit=-1", "limit")]
    [InlineData("near=9,47&limit=1001", "limit")]
    [InlineData("near=9,47&limit=2.5", "limit")]
    [InlineData("near=9,47&limit=ten", "limit")]
    [InlineData("near=9,47&limit=99999999999999999999", "limit")]
    [InlineData("limit=10", "limit")]
    [InlineData("limit=10&country=DE", "limit")]
    [InlineData("near=9,47&near=8,47", "near")]
    [InlineData("near=9,47&limit=1&limit=2", "limit")]
    public async Task Bad_values_get_a_400_naming_the_parameter(string query, string parameter)
    {
        var messages = await ProblemAssert.BadRequestNaming(await app.Get("/api/cities?" + query), parameter);
        if (query == "limit=10")
            Assert.Contains("near", messages.Single());
    }

    [Fact]
    public async Task Near_checks_the_other_filters_too()
    {
        await ProblemAssert.BadRequestNaming(await app.Get($"/api/cities?near={Konstanz}&commitment=nope"), "commitment");
        await ProblemAssert.BadRequestNaming(await app.Get($"/api/cities?near={Konstanz}&bbox=1,2"), "bbox");
    }
}

public sealed class NearCitiesTestsOnSqlite : NearCitiesTests<OnSqlite>;
public sealed class NearCitiesTestsOnPostgres : NearCitiesTests<OnPostgres>;
