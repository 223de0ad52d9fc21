using System.Globalization;
using MovingCities.Web.Http;

namespace MovingCities.Web.Cities;

/// <summary>Filters of <c>GET /api/cities</c>, as they arrive in the query string.</summary>
/// <param name="Commitment">Commitment type keys, comma-separated: cities having any of them.</param>
/// <param name="Country">ISO 3166-1 alpha-2 codes, comma-separated.</param>
/// <param name="Bbox">minLon,minLat,maxLon,maxLat in WGS 84; minLon &gt; maxLon crosses the antimeridian.</param>
/// <param name="Q">Name prefix, ignoring case and accents.</param>
public sealed record CityQuery(string? Commitment, string? Country, string? Bbox, string? Q)
{
    public static readonly string[] Names = ["commitment", "country", "bbox", "q"];

    /// <summary>The parameters that take lists: repeating them adds items.</summary>
    public static readonly string[] ListNames = ["commitment", "country"];

    public const int MaxSearchLength = 100;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Commitment) && string.IsNullOrWhiteSpace(Country)
        && string.IsNullOrWhiteSpace(Bbox) && string.IsNullOrWhiteSpace(Q);

    /// <summary>The parsed filters, or what is wrong with each bad parameter.</summary>
    public (CityFilter Filter, Dictionary<string, string[]> Errors) Parse(IReadOnlySet<string> knownCommitmentTypes)
    {
        var errors = new Dictionary<string, string[]>();

        var types = QueryParameters.SplitList(Commitment);
        var unknownTypes = types.Where(t => !knownCommitmentTypes.Contains(t)).ToArray();
        if (unknownTypes.Length > 0)
            errors["commitment"] = [$"Unknown commitment type(s): {string.Join(", ", unknownTypes)}. Known: {string.Join(", ", knownCommitmentTypes.Order())}."];

        var countries = QueryParameters.SplitList(Country).Select(c => c.ToUpperInvariant()).ToArray();
        var badCountries = countries.Where(c => !CityRules.IsCountryCode(c)).ToArray();
        if (badCountries.Length > 0)
            errors["country"] = [$"Not ISO 3166-1 alpha-2 country codes: {string.Join(", ", badCountries)}. Use codes such as DE,CH."];

        Box? box = null;
        if (!string.IsNullOrWhiteSpace(Bbox))
        {
            var (parsed, problem) = ParseBox(Bbox);
            if (problem is not null)
                errors["bbox"] = [problem];
            box = parsed;
        }

        string? namePrefix = null, slugPrefix = null;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Text.UnicodeText.Clean(Q);
            namePrefix = Text.Slug.SearchKey(q);
            slugPrefix = Text.Slug.From(q);
            if (Text.UnicodeText.Length(q) > MaxSearchLength)
                errors["q"] = [$"The search text is longer than {MaxSearchLength} characters."];
            else if (namePrefix.Length == 0 && Text.UnicodeText.HasLetterOrDigit(q))
                errors["q"] = ["Search by the name in Latin letters, as the map spells it (e.g. Konstanz, Kraków, Zürich); names in other scripts are not indexed yet."];
            else if (namePrefix.Length == 0)
                errors["q"] = ["The search text must contain at least one letter or digit."];
        }

        return (new CityFilter(types, countries, box, namePrefix, slugPrefix), errors);
    }

    static (Box?, string?) ParseBox(string text)
    {
        const string shape = "bbox must be four comma-separated numbers: minLon,minLat,maxLon,maxLat (e.g. 5.8,47.2,15.1,55.1).";
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        if (parts.Length != 4 || !parts.Select((p, i) =>
                double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) && double.IsFinite(numbers[i])).All(ok => ok))
            return (null, shape);
        var (minLon, minLat, maxLon, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (minLon is < -180 or > 180 || maxLon is < -180 or > 180)
            return (null, "bbox longitudes must be between -180 and 180 (order: minLon,minLat,maxLon,maxLat).");
        if (minLat is < -90 or > 90 || maxLat is < -90 or > 90)
            return (null, "bbox latitudes must be between -90 and 90 (order: minLon,minLat,maxLon,maxLat).");
        if (minLat > maxLat)
            return (null, "bbox minLat must not be greater than maxLat (order: minLon,minLat,maxLon,maxLat).");
        return (new Box(minLon, minLat, maxLon, maxLat), null);
    }
}

public sealed record Box(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public bool CrossesAntimeridian => MinLon > MaxLon;
}

/// <summary>Validated filters, applied in SQL.</summary>
public sealed record CityFilter(string[] CommitmentTypes, string[] Countries, Box? Box, string? NamePrefix, string? SlugPrefix)
{
    public IQueryable<City> Apply(IQueryable<City> cities)
    {
        if (CommitmentTypes.Length > 0)
            cities = cities.Where(c => c.Commitments.Any(m => CommitmentTypes.Contains(m.TypeKey)));
        if (Countries.Length > 0)
            cities = cities.Where(c => Countries.Contains(c.Country));
        if (Box is { } box)
        {
            cities = cities.Where(c => c.Latitude >= box.MinLat && c.Latitude <= box.MaxLat);
            cities = box.CrossesAntimeridian
                ? cities.Where(c => c.Longitude >= box.MinLon || c.Longitude <= box.MaxLon)
                : cities.Where(c => c.Longitude >= box.MinLon && c.Longitude <= box.MaxLon);
        }
        if (NamePrefix is not null)
        {
            var slugPrefix = SlugPrefix ?? NamePrefix;
            cities = cities.Where(c => c.SearchName.StartsWith(NamePrefix) || c.Slug.StartsWith(slugPrefix));
        }
        return cities;
    }
}
