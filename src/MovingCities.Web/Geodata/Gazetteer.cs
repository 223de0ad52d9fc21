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
    // Every folded name once per place, in ordinal order: the places whose name starts with what was typed are a run.
    readonly (string Key, GazetteerPlace Place)[] _sortedNames;

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
        _sortedNames = places
            .SelectMany(place => new[] { place.Name, place.AsciiName }.Select(Slug.SearchKey).Distinct().Select(key => (key, place)))
            .OrderBy(entry => entry.key, StringComparer.Ordinal).ToArray();
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
    /// The places a typed name stands for, largest first, at most <paramref name="limit"/>: those of exactly that
    /// name (case and accents aside), in <paramref name="country"/> when one is given. How the editors' city form
    /// and <c>GET /api/places</c> find a place.
    /// </summary>
    public IReadOnlyList<GazetteerPlace> Find(string name, string? country, int limit) =>
        (string.IsNullOrEmpty(country) ? Named(name) : Named(name, country)).Take(limit).ToList();

    /// <summary>
    /// Places whose name starts with <paramref name="prefix"/> (case and accents aside; "Frankfurt" finds Frankfurt
    /// am Main), largest first, at most <paramref name="limit"/>, in <paramref name="country"/> when one is given.
    /// </summary>
    public IReadOnlyList<GazetteerPlace> StartingWith(string prefix, string? country, int limit)
    {
        var key = Slug.SearchKey(prefix);
        if (key.Length == 0)
            return [];
        var low = 0;
        var high = _sortedNames.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_sortedNames[middle].Key, key) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        var found = new List<GazetteerPlace>();
        for (var i = low; i < _sortedNames.Length && _sortedNames[i].Key.StartsWith(key, StringComparison.Ordinal); i++)
            if (string.IsNullOrEmpty(country) || _sortedNames[i].Place.Country == country)
                found.Add(_sortedNames[i].Place);
        return found.Distinct().OrderByDescending(p => p.Population).ThenBy(p => p.GeonameId).Take(limit).ToList();
    }

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
