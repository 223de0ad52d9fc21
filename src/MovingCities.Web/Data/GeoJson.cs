using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;

namespace MovingCities.Web.Data;

/// <summary>RFC 7946 serialisation settings shared by the API and the geodata files.</summary>
public static class GeoJson
{
    public const string MediaType = "application/geo+json";

    /// <summary>
    /// Feature <c>id</c> is written at top level from the attribute named "id"; geometry bboxes stay off because
    /// the converter would write <c>"bbox": null</c>, which RFC 7946 does not allow.
    /// </summary>
    public static JsonSerializerOptions Options(bool indented = false) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        // Names such as "Osnabrück" stay readable and short; these bytes are served as JSON, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
            new GeoJsonConverterFactory(Spatial.Wgs84, writeGeometryBBox: false, idPropertyName: "id"),
        },
    };

    public static readonly JsonSerializerOptions Compact = Options();
    public static readonly JsonSerializerOptions Indented = Options(indented: true);
}
