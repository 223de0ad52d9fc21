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
        var taken = cities.Where(c => c.Slug is not null).Select(c => c.Slug!).ToHashSet();
        bool Free(string slug, CityRecord city) => !taken.Contains(slug) && !(takenByAnotherCity?.Invoke(slug, city) ?? false);

        var result = new List<CityRecord>(cities.Count);
        foreach (var city in cities)
        {
            if (city.Slug is not null)
            {
                result.Add(city);
                continue;
            }
            var slug = Candidates(city.Name, city.Country, city.Region).First(candidate => Free(candidate, city));
            taken.Add(slug);
            result.Add(city with { Slug = slug });
        }
        return result;
    }

    /// <summary>
    /// A slug for a city an editor adds, by the same policy as <see cref="AssignAll"/>, free in the database.
    /// The name has passed <see cref="CityRules.NameProblem"/>, so it has letters for a slug.
    /// </summary>
    public static async Task<string> FreeSlugAsync(Data.MovingCitiesDb db, string name, string country, string? region, CancellationToken cancellationToken = default)
    {
        foreach (var candidate in Candidates(name, country, region))
            if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Cities, c => c.Slug == candidate, cancellationToken))
                return candidate;
        throw new InvalidOperationException("unreachable: the candidates never end");
    }

    static IEnumerable<string> Candidates(string cityName, string cityCountry, string? cityRegion)
    {
        var name = Slug.From(cityName);
        // "Bern-bern" says nothing; a region named like the city is no distinction.
        var region = cityRegion is null || Slug.From(cityRegion) == name ? null : Slug.From(cityRegion);
        var country = cityCountry.ToLowerInvariant();
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
