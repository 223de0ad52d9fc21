using MovingCities.Web.Cities;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Http;
using NetTopologySuite.Geometries;

namespace MovingCities.Web.Geodata;

/// <summary>
/// Reads and validates a GeoJSON FeatureCollection of cities, collecting every problem with the feature and
/// field it concerns instead of stopping at the first.
/// </summary>
public static partial class CityFileReader
{
    static readonly string[] KnownProperties =
        ["name", "kind", "country", "region", "description", "profileUrl", "gazetteerName", "locationNote", "identifiers", "commitments"];
    static readonly string[] KnownCommitmentFields = ["type", "status", "date", "summary", "sourceUrl", "lastVerified"];
    public static readonly string[] Statuses = Enum.GetNames<CommitmentStatus>().Select(s => s.ToLowerInvariant()).ToArray();

    public static (List<CityRecord> Cities, List<string> Problems) Read(string json, string fileName, IReadOnlySet<string> knownTypes)
    {
        var cities = new List<CityRecord>();
        var problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            problems.Add($"{fileName}: not valid JSON: {e.Message}");
            return (cities, problems);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("FeatureCollection"))
            {
                problems.Add($"{fileName}: must be a GeoJSON FeatureCollection (\"type\": \"FeatureCollection\")");
                return (cities, problems);
            }
            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{fileName}: \"features\" must be an array");
                return (cities, problems);
            }

            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var before = problems.Count;
                var city = ReadFeature(feature, knownTypes, problem => problems.Add($"{fileName}: feature #{index + 1}{Label(feature)}: {problem}"));
                if (city is not null && problems.Count == before)
                    cities.Add(city);
                index++;
            }
        }

        foreach (var duplicate in cities.Where(c => c.Slug is not null).GroupBy(c => c.Slug).Where(g => g.Count() > 1))
            problems.Add($"{fileName}: id \"{duplicate.Key}\" is used by {duplicate.Count()} features; ids must be unique");
        return (cities, problems);
    }

    /// <summary>" (konstanz)" or " (Konstanz)", so a problem names the feature a person can search for.</summary>
    static string Label(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
            return "";
        var ignore = (string _) => { };
        if (feature.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            return $" ({StringOf(id, "id", ignore)})";
        if (feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            return $" ({StringOf(name, "name", ignore)})";
        return "";
    }

    static CityRecord? ReadFeature(JsonElement feature, IReadOnlySet<string> knownTypes, Action<string> problem)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            problem("must be a JSON object");
            return null;
        }
        if (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !type.ValueEquals("Feature"))
            problem("type: must be \"Feature\"");

        string? id = null;
        if (feature.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
        {
            id = idElement.ValueKind == JsonValueKind.String ? StringOf(idElement, "id", problem) : null;
            if (!Text.Slug.IsSlug(id))
                problem($"id: {idElement.GetRawText()} is not a slug (lowercase ASCII letters, digits and '-', e.g. \"frankfurt-am-main\")");
        }

        var position = ReadPoint(feature, problem);

        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            problem("properties: must be an object with at least name and country");
            return null;
        }
        foreach (var unknown in properties.EnumerateObject().Select(p => p.Name).Except(KnownProperties))
            problem($"properties.{unknown}: unknown property (known: {string.Join(", ", KnownProperties)})");

        var name = RequiredString(properties, "name", "properties.name", problem, maxLength: CityRules.MaxNameLength);
        if (name is not null && CityRules.NameProblem(name) is { } nameProblem)
            problem($"properties.name: \"{name}\": {nameProblem.English}");
        var country = RequiredString(properties, "country", "properties.country", problem, maxLength: CityRules.MaxCodeLength);
        if (country is not null && !CityRules.IsCountryCode(country))
            problem($"properties.country: \"{country}\" is not an ISO 3166-1 alpha-2 code such as \"DE\"");
        var region = OptionalString(properties, "region", "properties.region", problem, maxLength: CityRules.MaxRegionLength);
        var kindText = OptionalString(properties, "kind", "properties.kind", problem, maxLength: CityRules.MaxCodeLength);
        var kind = PlaceKind.Municipality;
        if (kindText is not null && !PlaceKinds.TryParse(kindText, out kind))
            problem($"properties.kind: \"{kindText}\" is not a kind of place (known: {string.Join(", ", Enum.GetValues<PlaceKind>().Select(k => k.Key()))})");
        var description = OptionalLocalized(properties, "description", "properties.description", problem, maxLength: CityRules.MaxDescriptionLength);
        var profileUrl = OptionalString(properties, "profileUrl", "properties.profileUrl", problem, maxLength: Http.Links.MaxLength);
        if (profileUrl is not null && !Links.IsHttp(profileUrl))
            problem($"properties.profileUrl: \"{profileUrl}\" is not an absolute http(s) URL");
        var gazetteerName = OptionalString(properties, "gazetteerName", "properties.gazetteerName", problem, maxLength: CityRules.MaxNameLength);
        var locationNote = OptionalString(properties, "locationNote", "properties.locationNote", problem, maxLength: CityRules.MaxLocationNoteLength);

        string? ags = null, wikidata = null;
        if (properties.TryGetProperty("identifiers", out var identifiers) && identifiers.ValueKind != JsonValueKind.Null)
        {
            if (identifiers.ValueKind != JsonValueKind.Object)
                problem("properties.identifiers: must be an object such as {\"ags\": \"08335043\", \"wikidata\": \"Q3834\"}");
            else
            {
                foreach (var unknown in identifiers.EnumerateObject().Select(p => p.Name).Except(["ags", "wikidata"]))
                    problem($"properties.identifiers.{unknown}: unknown identifier (known: ags, wikidata)");
                ags = OptionalString(identifiers, "ags", "properties.identifiers.ags", problem, maxLength: CityRules.MaxCodeLength);
                if (ags is not null && !Ags().IsMatch(ags))
                    problem($"properties.identifiers.ags: \"{ags}\" is not an 8-digit German municipality key");
                wikidata = OptionalString(identifiers, "wikidata", "properties.identifiers.wikidata", problem, maxLength: CityRules.MaxCodeLength);
                if (wikidata is not null && !WikidataId().IsMatch(wikidata))
                    problem($"properties.identifiers.wikidata: \"{wikidata}\" is not a Wikidata item id such as \"Q3834\"");
            }
        }

        var commitments = new List<CommitmentRecord>();
        if (properties.TryGetProperty("commitments", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
                problem("properties.commitments: must be an array");
            else
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var commitment = ReadCommitment(item, $"properties.commitments[{i}]", knownTypes, problem);
                    if (commitment is not null)
                        commitments.Add(commitment);
                    i++;
                }
            }
        }

        if (name is null || country is null || position is null)
            return null;
        return new CityRecord(id, name, country, region, position.Value.Lon, position.Value.Lat, ags, wikidata, description, commitments,
            profileUrl, gazetteerName, locationNote, kind);
    }

    static (double Lon, double Lat)? ReadPoint(JsonElement feature, Action<string> problem)
    {
        if (!feature.TryGetProperty("geometry", out var geometryElement) || geometryElement.ValueKind == JsonValueKind.Null)
        {
            problem("geometry: missing; a city needs a Point");
            return null;
        }
        Geometry? geometry;
        try
        {
            geometry = geometryElement.Deserialize<Geometry>(GeoJson.Compact);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            problem($"geometry: not a valid GeoJSON geometry ({e.Message})");
            return null;
        }
        if (geometry is not Point point || point.IsEmpty)
        {
            problem($"geometry: must be a Point, got {geometry?.GeometryType ?? "nothing"}");
            return null;
        }
        var ok = true;
        if (!double.IsFinite(point.X) || point.X is < -180 or > 180)
        {
            problem($"geometry.coordinates[0]: longitude {point.X.ToString(CultureInfo.InvariantCulture)} is outside -180..180 (GeoJSON order is [longitude, latitude])");
            ok = false;
        }
        if (!double.IsFinite(point.Y) || point.Y is < -90 or > 90)
        {
            problem($"geometry.coordinates[1]: latitude {point.Y.ToString(CultureInfo.InvariantCulture)} is outside -90..90 (GeoJSON order is [longitude, latitude])");
            ok = false;
        }
        return ok ? (point.X, point.Y) : null;
    }

    static CommitmentRecord? ReadCommitment(JsonElement item, string path, IReadOnlySet<string> knownTypes, Action<string> problem)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problem($"{path}: must be an object");
            return null;
        }
        foreach (var unknown in item.EnumerateObject().Select(p => p.Name).Except(KnownCommitmentFields))
            problem($"{path}.{unknown}: unknown field (known: {string.Join(", ", KnownCommitmentFields)})");

        var failed = false;
        void Fail(string message) { failed = true; problem(message); }

        var type = RequiredString(item, "type", $"{path}.type", Fail, maxLength: CityRules.MaxCodeLength);
        if (type is not null && !knownTypes.Contains(type))
            Fail($"{path}.type: \"{type}\" is not in the commitment-type catalogue (known: {string.Join(", ", knownTypes.Order())})");
        var status = RequiredString(item, "status", $"{path}.status", Fail, maxLength: CityRules.MaxCodeLength);
        if (status is not null && !Statuses.Contains(status))
            Fail($"{path}.status: \"{status}\" is not one of {string.Join(", ", Statuses)}");
        var date = OptionalString(item, "date", $"{path}.date", Fail, maxLength: CityRules.MaxCodeLength);
        if (date is not null && !PartialDate.IsValid(date))
            Fail($"{path}.date: \"{date}\" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
        var summary = OptionalLocalized(item, "summary", $"{path}.summary", Fail, maxLength: CityRules.MaxCommitmentSummaryLength);
        var source = RequiredString(item, "sourceUrl", $"{path}.sourceUrl", Fail, maxLength: Http.Links.MaxLength);
        if (source is not null && !Links.IsHttp(source))
            Fail($"{path}.sourceUrl: \"{source}\" is not an absolute http(s) URL");
        var verified = OptionalString(item, "lastVerified", $"{path}.lastVerified", Fail, maxLength: CityRules.MaxCodeLength);
        if (verified is not null && !DateOnly.TryParseExact(verified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            Fail($"{path}.lastVerified: \"{verified}\" is not a date (YYYY-MM-DD)");
        return failed ? null : new CommitmentRecord(type!, status!, date, summary, source!, verified);
    }

    /// <summary>
    /// A text in German and English, <c>{"de": "…", "en": "…"}</c>: either language may be missing or empty, but a
    /// field that is given needs text in at least one. Null when the field is absent.
    /// </summary>
    static LocalizedText? OptionalLocalized(JsonElement parent, string name, string path, Action<string> problem, int maxLength)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            problem($"{path}: must be an object with the text in German and English, {{\"de\": \"…\", \"en\": \"…\"}}, got {value.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }
        var known = LocalizedText.Languages;
        var failed = false;
        void Fail(string message) { failed = true; problem(message); }
        foreach (var unknown in value.EnumerateObject().Select(p => p.Name).Except(known))
            Fail($"{path}.{unknown}: unknown language (known: {string.Join(", ", known)})");
        var de = OptionalString(value, "de", $"{path}.de", Fail, maxLength);
        var en = OptionalString(value, "en", $"{path}.en", Fail, maxLength);
        if (failed)
            return null;
        var text = new LocalizedText(de, en);
        if (text.IsEmpty)
        {
            problem($"{path}: needs the text in at least one language, \"de\" or \"en\" (leave the field out when there is none)");
            return null;
        }
        return text;
    }

    static string? RequiredString(JsonElement parent, string name, string path, Action<string> problem, int maxLength)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problem($"{path}: required");
            return null;
        }
        // Null also comes back for text that was refused (too long, unreadable): that has its own message.
        var refused = false;
        var text = OptionalString(parent, name, path, message => { refused = true; problem(message); }, maxLength);
        if (text is null && !refused && value.ValueKind == JsonValueKind.String)
            problem($"{path}: must not be empty");
        return text;
    }

    static string? OptionalString(JsonElement parent, string name, string path, Action<string> problem, int maxLength)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            problem($"{path}: must be a string, got {value.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }
        var text = StringOf(value, path, problem)?.Trim();
        if (text is null)
            return null;
        if (Text.UnicodeText.Length(text) > maxLength)
        {
            problem($"{path}: longer than {maxLength} characters");
            return null;
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// A JSON string as composed (NFC) text. An escaped lone surrogate (<c>"\ud800"</c>) is not a character:
    /// refused with its path instead of the reader's exception.
    /// </summary>
    static string? StringOf(JsonElement value, string path, Action<string> problem)
    {
        try
        {
            return Text.UnicodeText.Clean(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            problem($"{path}: holds an escaped lone surrogate (such as \\ud800), which is not a character; remove or replace it");
            return null;
        }
    }

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex Ags();

    [GeneratedRegex("^Q[1-9][0-9]*$")]
    private static partial Regex WikidataId();
}
