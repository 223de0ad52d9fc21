using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Http;

namespace MovingCities.Web.Cities;

/// <summary>Filters of <c>GET /api/cities</c>, as they arrive in the query string.</summary>
/// <param name="Commitment">Commitment type keys, comma-separated: cities having any of them.</param>
/// <param name="Country">ISO 3166-1 alpha-2 codes, comma-separated.</param>
/// <param name="Bbox">minLon,minLat,maxLon,maxLat in WGS 84; minLon &gt; maxLon crosses the antimeridian.</param>
/// <param name="Q">Name prefix, ignoring case and accents.</param>
/// <param name="Status">Commitment statuses, comma-separated (announced, decided, implemented, revoked, rejected); without it only live ones count.</param>
/// <param name="From">First year of a commitment's date (a year or year-month counts in that year).</param>
/// <param name="To">Last year of a commitment's date.</param>
/// <param name="Undated">With a year range: true also counts commitments without a date.</param>
/// <param name="Region">States, provinces or cantons as the data names them, comma-separated.</param>
/// <param name="Near">lon,lat in WGS 84: the cities sorted by distance from there, nearest first, each with distanceKm.</param>
/// <param name="Limit">With near: at most this many of the nearest cities (1 to <see cref="MaxLimit"/>).</param>
public sealed record CityQuery(string? Commitment, string? Country, string? Bbox, string? Q,
    string? Status, string? From, string? To, string? Undated, string? Region, string? Near = null, string? Limit = null)
{
    public static readonly string[] Names = ["commitment", "country", "bbox", "q", "status", "from", "to", "undated", "region", "near", "limit"];

    /// <summary>The parameters that take lists: repeating them adds items.</summary>
    public static readonly string[] ListNames = ["commitment", "country", "status", "region"];

    public const int MaxSearchLength = 100;

    /// <summary>The most cities <c>limit</c> may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The years a filter may name: before the first safe harbour and well after today both answer plainly.</summary>
    public const int FirstYear = 1900, LastYear = 2100;

    public bool IsEmpty => new[] { Commitment, Country, Bbox, Q, Status, From, To, Undated, Region, Near, Limit }.All(string.IsNullOrWhiteSpace);

    static readonly string[] StatusNames = Enum.GetNames<Commitments.CommitmentStatus>().Select(s => s.ToLowerInvariant()).ToArray();

    /// <summary>The parsed filters, or what is wrong with each bad parameter.</summary>
    public (CityFilter Filter, Dictionary<string, string[]> Errors) Parse(IReadOnlySet<string> knownCommitmentTypes)
    {
        var errors = new Dictionary<string, string[]>();

        var statusNames = QueryParameters.SplitList(Status).Select(s => s.ToLowerInvariant()).ToArray();
        var unknownStatuses = statusNames.Where(s => !StatusNames.Contains(s)).ToArray();
        if (unknownStatuses.Length > 0)
            errors["status"] = [$"Unknown status(es): {string.Join(", ", unknownStatuses)}. Known: {string.Join(", ", StatusNames)}."];
        var statuses = statusNames.Where(StatusNames.Contains).Select(s => Enum.Parse<Commitments.CommitmentStatus>(s, ignoreCase: true)).Distinct().ToArray();

        var from = Year(From, "from", errors);
        var to = Year(To, "to", errors);
        if (from is not null && to is not null && from > to)
            errors["to"] = [$"to ({to}) is before from ({from}): give the earlier year as from."];
        bool undated = false;
        if (!string.IsNullOrWhiteSpace(Undated) && !bool.TryParse(Undated.Trim(), out undated))
            errors["undated"] = ["undated must be true or false."];

        var regions = QueryParameters.SplitList(Region).Select(Text.UnicodeText.Clean).Distinct().ToArray();
        if (regions.Any(r => Text.UnicodeText.Length(r) > CityRules.MaxRegionLength))
            errors["region"] = [$"A region name is at most {CityRules.MaxRegionLength} characters."];

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

        Nearness? near = null;
        if (!string.IsNullOrWhiteSpace(Near))
        {
            var (point, problem) = ParseNear(Near);
            if (problem is not null)
                errors["near"] = [problem];
            near = point is { } p ? new Nearness(p.Longitude, p.Latitude, null) : null;
        }
        if (!string.IsNullOrWhiteSpace(Limit))
        {
            if (!int.TryParse(Limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit is < 1 or > MaxLimit)
                errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
            else if (string.IsNullOrWhiteSpace(Near))
                errors["limit"] = ["limit counts the nearest cities: give near=lon,lat with it (e.g. near=9.17,47.66&limit=10)."];
            else if (near is not null)
                near = near with { Limit = limit };
        }

        var selection = new CitySelection(types, statuses, from, to, undated, countries, regions);
        return (new CityFilter(selection, box, namePrefix, slugPrefix, near), errors);
    }

    static ((double Longitude, double Latitude)?, string?) ParseNear(string text)
    {
        const string shape = "near must be two comma-separated numbers: longitude,latitude (e.g. near=9.17,47.66).";
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || !double.IsFinite(lon)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.IsFinite(lat))
            return (null, shape);
        if (lon is < -180 or > 180)
            return (null, "near's longitude must be between -180 and 180 (order: longitude,latitude).");
        if (lat is < -90 or > 90)
            return (null, "near's latitude must be between -90 and 90 (order: longitude,latitude).");
        return ((lon, lat), null);
    }

    static int? Year(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear)
            return year;
        errors[name] = [$"{name} must be a year between {FirstYear} and {LastYear}, such as 2019."];
        return null;
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

/// <summary>Sort by distance from a point (nearest first), keeping at most <paramref name="Limit"/> cities (all when null).</summary>
public sealed record Nearness(double Longitude, double Latitude, int? Limit);

public sealed record Box(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public bool CrossesAntimeridian => MinLon > MaxLon;
}

/// <summary>
/// Validated filters: place and name narrow in SQL (indexed), then <see cref="CitySelection"/>, the one rule of
/// which cities match, decides over each city's commitments.
/// </summary>
public sealed record CityFilter(CitySelection Selection, Box? Box, string? NamePrefix, string? SlugPrefix, Nearness? Near = null)
{
    /// <summary>Whether only the selection filters (no place box, no name): the cities can then come from memory.</summary>
    public bool SelectionOnly => Box is null && NamePrefix is null;

    /// <summary>The cities these filters keep, as a query on the database (not tracked).</summary>
    public IQueryable<City> Apply(MovingCitiesDb db)
    {
        var cities = (Box is { } box ? Spatial.InBox(db, box) : db.Cities).AsNoTracking();
        var countries = Selection.Countries.ToArray();
        if (countries.Length > 0)
            cities = cities.Where(c => countries.Contains(c.Country));
        var regions = Selection.Regions.ToArray();
        if (regions.Length > 0)
            cities = cities.Where(c => c.Region != null && regions.Contains(c.Region));
        if (NamePrefix is not null)
        {
            var slugPrefix = SlugPrefix ?? NamePrefix;
            cities = cities.Where(c => c.SearchName.StartsWith(NamePrefix) || c.Slug.StartsWith(slugPrefix));
        }
        return cities;
    }
}
