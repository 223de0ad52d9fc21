using System.IO.Compression;
using System.Text.Json;
using MovingCities.Web.Data;

namespace MovingCities.Web.Http;

public sealed partial class Representation
{
    /// <summary>A value serialised with the API's JSON settings.</summary>
    public static Representation Json<T>(T value, string contentType = "application/json", CompressionLevel level = CompressionLevel.Fastest) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, GeoJson.Compact), contentType, level);

    public RepresentationResult ToResult() => new(this);
}
