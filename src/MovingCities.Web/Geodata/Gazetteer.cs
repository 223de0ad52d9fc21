using System.Globalization;
using MovingCities.Web.Text;

namespace MovingCities.Web.Geodata;

/// <summary>One place of geodata/gazetteer.tsv (GeoNames, CC BY 4.0).</summary>
public sealed record GazetteerPlace(
    int GeonameId, string Name, string AsciiName, string Country, string Admin1, string? Region,
    double Latitude, double Longitude, int Population, string FeatureCode);

/// <summary>
/// The European places of GeoNames with at least 1,000 inhabitants, looked up by name regardless of case and
/// accents. Built by geodata/tools/build-gazetteer.mjs; see geodata/README.md.
/// </summary>
public sealed class Gazetteer
{
    public const string File = "gazetteer.tsv";
    public const string RegionsFile = "gazetteer-regions.tsv";

    readonly Dictionary<string, List<GazetteerPlace>> _byName = new();
    readonly string[] _countries;

    Gazetteer(IReadOnlyList<GazetteerPlace> places)
    {
        Count = places.Count;
        Places = places;
        _countries = places.Select(p => p.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
        // "Zürich" and its ASCII name "Zurich" fold to the same key: index each place once per distinct key.
        foreach (var place in places.OrderByDescending(p => p.Population))
            foreach (var key in new[] { place.Name, place.AsciiName }.Select(name => Key(name, place.Country)).Distinct())
            {
                if (!_byName.TryGetValue(key, out var list))
                    _byName[key] = list = [];
                list.Add(place);
            }
    }

    public int Count { get; }

    /// <summary>Every place, in file order.</summary>
    public IReadOnlyList<GazetteerPlace> Places { get; }

    public static Gazetteer Load(string folder)
    {
        var regions = System.IO.File.ReadLines(Path.Combine(folder, RegionsFile)).Skip(1)
            .Select(line => line.Split('\t'))
            .ToDictionary(f => (f[0], f[1]), f => f[2]);
        var places = System.IO.File.ReadLines(Path.Combine(folder, File)).Skip(1).Select(line =>
        {
            var f = line.Split('\t');
            return new GazetteerPlace(
                int.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2].Length == 0 ? f[1] : f[2], f[3], f[4],
                regions.GetValueOrDefault((f[3], f[4])),
                double.Parse(f[5], CultureInfo.InvariantCulture), double.Parse(f[6], CultureInfo.InvariantCulture),
                int.Parse(f[7], CultureInfo.InvariantCulture), f[8]);
        }).ToList();
        return new Gazetteer(places);
    }

    /// <summary>Places of that name in any country, largest first.</summary>
    public IReadOnlyList<GazetteerPlace> Named(string name) =>
        _countries.SelectMany(country => Named(name, country)).OrderByDescending(p => p.Population).ToList();

    /// <summary>Places of that name in that country, largest first.</summary>
    public IReadOnlyList<GazetteerPlace> Named(string name, string country) =>
        _byName.TryGetValue(Key(name, country), out var places) ? places : [];

    /// <summary>
    /// The place a name stands for: the largest of that name in the region (a region name, or an admin1 code)
    /// when the region narrows it down, otherwise the largest in the country. Null when there is none, or when
    /// the choice would be a guess: several places without a region to tell them apart and none at least ten
    /// times the size of the next.
    /// </summary>
    public GazetteerPlace? Locate(string name, string country, string? region, out string? ambiguity)
    {
        ambiguity = null;
        var places = Named(name, country);
        if (places.Count <= 1)
            return places.FirstOrDefault();
        if (region is not null)
        {
            var inRegion = places.Where(p => p.Admin1 == region || string.Equals(p.Region, region, StringComparison.OrdinalIgnoreCase)).ToList();
            if (inRegion.Count > 0)
                return inRegion[0];
        }
        if (places[0].Population >= 10 * places[1].Population)
            return places[0];
        ambiguity = $"{places.Count} places called {name} in {country}" + (region is null ? "" : $" and none known to be in {region}") +
            $": {string.Join(", ", places.Take(4).Select(p => $"{p.Name} ({p.Region ?? p.Admin1}, {p.Population:N0} inhabitants)"))}";
        return null;
    }

    static string Key(string name, string country) => $"{country}|{Slug.SearchKey(name)}";
}
