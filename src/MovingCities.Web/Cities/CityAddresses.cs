using MovingCities.Web.Text;

namespace MovingCities.Web.Cities;

/// <summary>
/// A city address typed by hand (<c>/cities/osnabruck</c>, <c>/de/cities/Osnabrück</c>): the one city it names by
/// its search keys (<see cref="Slug.Keys"/>), for a permanent redirect, or else the closest names, for the 404 page.
/// </summary>
public static class CityAddresses
{
    /// <summary>How many names the 404 page offers at most.</summary>
    public const int SuggestionCount = 5;

    /// <summary>The slug of the only city whose slug or name has a key of <paramref name="requested"/>; null when none or several do.</summary>
    public static string? Resolve(string requested, IEnumerable<(string Slug, string Name)> cities)
    {
        var keys = Slug.Keys(requested);
        if (keys.All(k => k.Length == 0))
            return null;
        var matches = cities.Where(c => keys.Contains(c.Slug) || Slug.Keys(c.Name).Any(keys.Contains)).Select(c => c.Slug).Distinct().Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>
    /// The cities whose names come closest to <paramref name="requested"/>: those the request begins (from three
    /// letters on), then those within a few typing errors (edit distance at most a third of the key, at least 1,
    /// at most 3); nearest first, then by name.
    /// </summary>
    public static IReadOnlyList<(string Slug, string Name)> Closest(string requested, IEnumerable<(string Slug, string Name)> cities, int count = SuggestionCount)
    {
        var keys = Slug.Keys(requested).Where(k => k.Length > 0).ToList();
        if (keys.Count == 0)
            return [];
        var allowed = Math.Clamp(keys.Max(k => k.Length) / 3, 1, 3);
        return cities
            .Select(city => (City: city, Distance: Distance(keys, Slug.Keys(city.Name).Append(city.Slug))))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenBy(c => c.City.Name, StringComparer.CurrentCulture)
            .Take(count).Select(c => c.City).ToList();
    }

    /// <summary>0 when a city key starts with a requested key of three letters or more, else the smallest edit distance.</summary>
    static int Distance(IReadOnlyList<string> requested, IEnumerable<string> cityKeys) =>
        cityKeys.SelectMany(city => requested.Select(key =>
                key.Length >= 3 && city.StartsWith(key, StringComparison.Ordinal) ? 0 : Quickenshtein.Levenshtein.GetDistance(key, city)))
            .Min();
}
