using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Api;

public abstract class CommitmentTypeTests<TDatabase>(SeededApp<TDatabase> app) : IClassFixture<SeededApp<TDatabase>> where TDatabase : ITestDatabase
{
    [Fact]
    public async Task The_catalogue_lists_every_type_in_order_with_both_languages_colours_and_city_counts()
    {
        var types = (await app.GetJson("/api/commitment-types")).EnumerateArray().ToList();
        Assert.Equal(
            ["safe-harbour-declaration", "safe-harbour-alliance", "sea-rescue-support", "additional-admission", "admission-programme",
             "municipal-reception", "residence-support", "city-id", "integration-policy", "solidarity-statement", "networking",
             "transparency"],
            types.Select(t => t.GetProperty("key").GetString()));
        // The legend groups by colour family, in catalogue order: each family once, all its types one colour
        Assert.Equal(["harbour", "admission", "staying", "stance"], types.Select(t => t.GetProperty("family").GetString()).Distinct());
        foreach (var family in types.GroupBy(t => t.GetProperty("family").GetString()))
            Assert.Single(family.Select(t => t.GetProperty("color").GetString()).Distinct());
        foreach (var type in types)
        {
            foreach (var text in new[] { "title", "description" })
            foreach (var language in new[] { "de", "en" })
                Assert.False(string.IsNullOrWhiteSpace(type.GetProperty(text).GetProperty(language).GetString()));
            Assert.Matches("^#[0-9a-f]{6}$", type.GetProperty("color").GetString());
        }
        int Count(string key) => types.Single(t => t.GetProperty("key").GetString() == key).GetProperty("cityCount").GetInt32();
        Assert.Equal(5, Count("sea-rescue-support"));
        Assert.Equal(2, Count("additional-admission"));
        Assert.Equal(1, Count("residence-support"));
        Assert.Equal(0, Count("transparency"));
    }
}

public sealed class CommitmentTypeTestsOnSqlite(SeededApp<OnSqlite> app) : CommitmentTypeTests<OnSqlite>(app);
public sealed class CommitmentTypeTestsOnPostgres(SeededApp<OnPostgres> app) : CommitmentTypeTests<OnPostgres>(app);
