using MovingCities.Web.Geodata;
using MovingCities.Web.Text;

namespace MovingCities.Web.Cities;

/// <summary>Gives cities without an explicit id a slug from their name, unique among the others.</summary>
public static class CitySlugs
{
    /// <summary>
    /// Records keep an explicit id; the rest get <c>name</c>, and on a collision <c>name-region</c>, then
    /// <c>name-country</c>, then <c>name-region-country</c>, then a number.
    /// </summary>
    /// <param name="takenByAnotherCity">Whether a slug already belongs to a different city elsewhere (the database).</param>
    public static List<CityRecord> AssignAll(IReadOnlyList<CityRecord> cities, Func<string, CityRecord, bool>? takenByAnotherCity = null)
    {
        var taken = cities.Where(c => c.Id is not null).Select(c => c.Id!).ToHashSet();
        bool Free(string slug, CityRecord city) => !taken.Contains(slug) && !(takenByAnotherCity?.Invoke(slug, city) ?? false);

        var result = new List<CityRecord>(cities.Count);
        foreach (var city in cities)
        {
            if (city.Id is not null)
            {
                result.Add(city);
                continue;
            }
            var slug = Candidates(city).First(candidate => Free(candidate, city));
            taken.Add(slug);
            result.Add(city with { Id = slug });
        }
        return result;
    }

    static IEnumerable<string> Candidates(CityRecord city)
    {
        var name = Slug.From(city.Name);
        // "Bern-bern" says nothing; a region named like the city is no distinction.
        var region = city.Region is null || Slug.From(city.Region) == name ? null : Slug.From(city.Region);
        var country = city.Country.ToLowerInvariant();
        yield return name;
        if (!string.IsNullOrEmpty(region))
            yield return $"{name}-{region}";
        yield return $"{name}-{country}";
        if (!string.IsNullOrEmpty(region))
            yield return $"{name}-{region}-{country}";
        for (var n = 2; ; n++)
            yield return $"{name}-{country}-{n}";
    }
}
