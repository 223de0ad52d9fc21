using System.Globalization;
using System.Text.RegularExpressions;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Http;

namespace MovingCities.Web.OpenData;

/// <summary>
/// The query of <c>/ogc/collections/{id}/items</c> (OGC API – Features Part 1), as it arrives. Country, type,
/// status and bbox mean what they mean on <c>/api/cities</c> and are parsed by <see cref="CityQuery"/>.
/// </summary>
/// <param name="Limit">Features per page, 1 to <see cref="MaxLimit"/> (default <see cref="DefaultLimit"/>).</param>
/// <param name="Offset">Features to skip, from 0; the <c>next</c> and <c>prev</c> links carry it.</param>
/// <param name="Bbox">minLon,minLat,maxLon,maxLat (or six numbers with heights, which are ignored) in CRS84.</param>
/// <param name="BboxCrs">Only CRS84 (<see cref="Crs84"/>), the default.</param>
/// <param name="Datetime">An RFC 3339 date or date-time, or an interval <c>start/end</c> with <c>..</c> for an open end; matches commitments whose date (a year, month or day) overlaps it.</param>
/// <param name="Country">ISO 3166-1 alpha-2 codes, comma-separated.</param>
/// <param name="Type">Commitment type keys, comma-separated.</param>
/// <param name="Status">Commitment statuses, comma-separated.</param>
/// <param name="City">City slugs, comma-separated.</param>
public sealed partial record OgcQuery(string? Limit, string? Offset, string? Bbox, string? BboxCrs, string? Datetime,
    string? Country, string? Type, string? Status, string? City)
{
    public const int DefaultLimit = 10, MaxLimit = 10_000;
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /// <summary>Every parameter of the items endpoint; <c>f</c> chooses JSON or HTML.</summary>
    public static readonly string[] Names = ["limit", "offset", "bbox", "bbox-crs", "datetime", "country", "type", "status", "city", "f"];
    public static readonly string[] ListNames = ["country", "type", "status", "city"];

    /// <summary>A parameter as the OpenAPI document describes it (the standard's definitions of limit, bbox and datetime).</summary>
    public static Microsoft.OpenApi.OpenApiParameter OpenApiParameter(string name)
    {
        var schema = name switch
        {
            "limit" => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Integer, Minimum = "1", Maximum = MaxLimit.ToString(CultureInfo.InvariantCulture), Default = DefaultLimit },
            "offset" => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Integer, Minimum = "0", Default = 0 },
            "bbox" => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Array, MinItems = 4, MaxItems = 6,
                Items = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Number } },
            "f" => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Enum = ["json", "html"] },
            _ => new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
        };
        return new Microsoft.OpenApi.OpenApiParameter
        {
            Name = name,
            In = Microsoft.OpenApi.ParameterLocation.Query,
            Required = false,
            Style = Microsoft.OpenApi.ParameterStyle.Form,
            Explode = false,
            Schema = schema,
            Description = name switch
            {
                "limit" => $"Features per page, 1 to {MaxLimit} (default {DefaultLimit}).",
                "offset" => "Features to skip; the next and prev links carry it.",
                "bbox" => "minLon,minLat,maxLon,maxLat in CRS84 (six numbers with heights: the heights are ignored); minLon > maxLon crosses the antimeridian.",
                "bbox-crs" => $"Only {Crs84}.",
                "datetime" => "RFC 3339 date or date-time, or an interval start/end with '..' for an open end: commitments whose date (year, month or day) overlaps it.",
                "country" => "ISO 3166-1 alpha-2 codes, comma-separated (any of them).",
                "type" => "Commitment type keys, comma-separated (any of them).",
                "status" => "Commitment statuses, comma-separated: announced, decided, implemented, revoked, rejected.",
                "city" => "City slugs, comma-separated.",
                "f" => "json (the default for programs) or html (the default for browsers).",
                _ => null,
            },
        };
    }

    public static OgcQuery From(IQueryCollection query) => new(query["limit"], query["offset"], query["bbox"], query["bbox-crs"],
        query["datetime"], Join(query["country"]), Join(query["type"]), Join(query["status"]), Join(query["city"]));

    static string? Join(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : string.Join(",", values.ToArray());

    /// <summary>The parsed query, or what is wrong with each bad parameter.</summary>
    public (OgcFilter Filter, Dictionary<string, string> Errors) Parse(IReadOnlySet<string> knownTypes)
    {
        var errors = new Dictionary<string, string>();
        var limit = Whole(Limit, "limit", 1, MaxLimit, DefaultLimit, errors);
        var offset = Whole(Offset, "offset", 0, int.MaxValue, 0, errors);

        var bbox = Bbox;
        if (!string.IsNullOrWhiteSpace(bbox) && bbox.Split(',') is { Length: 6 } six)
            bbox = string.Join(",", six[0], six[1], six[3], six[4]);
        if (!string.IsNullOrWhiteSpace(BboxCrs) && BboxCrs.Trim() != Crs84)
            errors["bbox-crs"] = $"Only {Crs84} (longitude, latitude in WGS 84) is supported as bbox-crs.";

        // The filters /api/cities reads, with the same checks and messages; only "commitment" is called "type" here.
        var (cityFilter, cityErrors) = new CityQuery(Type, Country, bbox, null, Status, null, null, null, null).Parse(knownTypes);
        foreach (var (name, messages) in cityErrors)
            errors[name == "commitment" ? "type" : name] = string.Join(" ", messages);

        var (from, to, datetimeProblem) = ParseDatetime(Datetime);
        if (datetimeProblem is not null)
            errors["datetime"] = datetimeProblem;

        var cities = QueryParameters.SplitList(City).Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return (new OgcFilter(limit, offset, cityFilter, !string.IsNullOrWhiteSpace(Datetime), from, to, cities), errors);
    }

    static int Whole(string? text, string name, int min, int max, int fallback, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[name] = max == int.MaxValue ? $"{name} must be a whole number from {min}." : $"{name} must be a whole number from {min} to {max:D}.";
        return fallback;
    }

    const string DatetimeShape = "datetime must be an RFC 3339 date or date-time (2019-07-11, 2019-07-11T12:00:00Z) or an interval of two, "
        + "separated by '/', with '..' for an open end (2019-01-01/.., ../2020-12-31T23:59:59Z).";

    /// <summary>The moments a datetime parameter spans: an instant (a date is its whole day) or an interval; null ends are open.</summary>
    static (DateTimeOffset? From, DateTimeOffset? To, string? Problem) ParseDatetime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null, null);
        var parts = text.Trim().Split('/');
        if (parts.Length == 1)
            return Moment(parts[0]) is { } instant ? (instant.Start, instant.End, null) : (null, null, DatetimeShape);
        if (parts.Length != 2)
            return (null, null, DatetimeShape);
        bool Open(string part) => part is ".." or "";
        var start = Open(parts[0]) ? null : Moment(parts[0]);
        var end = Open(parts[1]) ? null : Moment(parts[1]);
        if (!Open(parts[0]) && start is null || !Open(parts[1]) && end is null)
            return (null, null, DatetimeShape);
        if (start is not null && end is not null && start.Value.Start > end.Value.End)
            return (null, null, "datetime's interval ends before it starts: give the earlier moment first.");
        return (start?.Start, end?.End, null);
    }

    /// <summary>A date stands for its whole day (UTC), a date-time for itself.</summary>
    static (DateTimeOffset Start, DateTimeOffset End)? Moment(string text)
    {
        if (!Rfc3339().IsMatch(text))
            return null;
        if (text.Length == 10)
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero))
                : null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var moment) ? (moment, moment) : null;
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?$")]
    private static partial Regex Rfc3339();
}

/// <summary>
/// A parsed items query. Which commitments count is <see cref="CitySelection"/>'s rule (type and status on the same
/// commitment), with the datetime on that same commitment too.
/// </summary>
public sealed record OgcFilter(int Limit, int Offset, CityFilter Cities, bool HasDatetime, DateTimeOffset? From, DateTimeOffset? To,
    IReadOnlySet<string> CitySlugs)
{
    CitySelection Selection => Cities.Selection;

    /// <summary>No filter at all (paging only): every city and every commitment matches.</summary>
    public bool KeepsEverything => CitySlugs.Count == 0 && !HasDatetime && Cities.Box is null
        && Selection is { Types.Count: 0, Statuses.Count: 0, Countries.Count: 0, Regions.Count: 0 };

    bool InDatetime(OpenCommitment commitment) => !HasDatetime || commitment.Period?.Overlaps(From, To) == true;

    /// <summary>
    /// A city matches by the selection over its commitments within the datetime; with a datetime alone, it needs a
    /// live commitment then (as a year range does on <c>/api/cities</c>).
    /// </summary>
    public bool Matches(Cities.City city, IEnumerable<OpenCommitment> commitments)
    {
        if (CitySlugs.Count > 0 && !CitySlugs.Contains(city.Slug))
            return false;
        if (!HasDatetime)
            return Selection.Matches(city.Country, city.Region, commitments.Select(c => c.Fact));
        var inTime = commitments.Where(InDatetime).ToList();
        return Selection.Matches(city.Country, city.Region, inTime.Select(c => c.Fact))
            && (!HasDatetime || inTime.Any(c => Selection.Matches(c.Fact)));
    }

    /// <summary>
    /// In the commitments collection every commitment is a feature, revoked and rejected ones too; a status filter
    /// narrows them. The other filters mean what they mean for cities, applied to the one commitment.
    /// </summary>
    public bool Matches(OpenCommitment commitment) =>
        (CitySlugs.Count == 0 || CitySlugs.Contains(commitment.City.Slug))
        && EveryStatus.Matches(commitment.City.Country, commitment.City.Region, [commitment.Fact])
        && InDatetime(commitment);

    CitySelection? _everyStatus;
    CitySelection EveryStatus => _everyStatus ??= Selection.Statuses.Count > 0 ? Selection : Selection with { Statuses = Enum.GetValues<CommitmentStatus>() };
}
