using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;

namespace MovingCities.Web.Basemap;

public static class BasemapEndpoints
{
    public const string OutlinesPath = "/api/basemap/outlines";

    public static IEndpointRouteBuilder MapBasemap(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/basemap").WithTags("Basemap");

        group.MapGet("/", GetBasemap)
            .WithName(nameof(GetBasemap))
            .WithSummary("What the map draws beneath the cities: the tile layer (or none) and the offline country outlines")
            .AllowOnly();

        group.MapGet("/outlines", GetCountryOutlines)
            .WithName(nameof(GetCountryOutlines))
            .WithSummary("Country outlines (Natural Earth 1:50m, public domain) as GeoJSON, drawn when tiles cannot load")
            .AllowOnly()
            .Produces(StatusCodes.Status200OK, contentType: GeoJson.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static RepresentationResult GetBasemap(IOptions<BasemapOptions> options)
    {
        var basemap = options.Value;
        var tiles = basemap.TilesEnabled ? new TileLayerView(basemap.TileUrl!, basemap.TileAttribution, basemap.MaxZoom) : null;
        return Representation.Json(new BasemapView(tiles, new OutlinesView(OutlinesPath, basemap.OutlinesAttribution))).ToResult();
    }

    public static Results<RepresentationResult, ProblemHttpResult> GetCountryOutlines(CountryOutlines outlines) =>
        outlines.Representation is { } representation
            ? representation.ToResult()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No country outlines",
                detail: $"{outlines.Path} does not exist; node geodata/tools/build-outlines.mjs builds it.");
}

public sealed record BasemapView(TileLayerView? Tiles, OutlinesView Outlines);

public sealed record TileLayerView(string Url, string Attribution, int MaxZoom);

public sealed record OutlinesView(string Url, string Attribution);

/// <summary>
/// The outlines file, read once (it never changes while the app runs): as it is for the print sheet
/// (<see cref="Detailed"/>), and simplified by <see cref="Tolerance"/> (topology kept) and compressed for the maps,
/// which draw it beneath the tiles and need far less than Natural Earth's 1:50m detail (26,600 points for Europe)
/// at the scales they show it (a test pins under half).
/// </summary>
public sealed class CountryOutlines(IOptions<BasemapOptions> options, IServiceProvider services)
{
    /// <summary>Degrees: about 5 km, under a pixel up to zoom 5 and about four at zoom 8, where tiles take over.</summary>
    public const double Tolerance = 0.05;

    readonly Lazy<byte[]?> _detailed = new(() =>
        Locate(options.Value, services) is var path && File.Exists(path) ? File.ReadAllBytes(path) : null);

    readonly Lazy<Representation?> _representation = new(() =>
        Simplify(Locate(options.Value, services) is var path && File.Exists(path) ? File.ReadAllBytes(path) : null));

    public string Path => Locate(options.Value, services);

    /// <summary>The file's GeoJSON as it is, or null when there is none.</summary>
    public byte[]? Detailed => _detailed.Value;

    /// <summary>The simplified outlines the maps draw, or null when there is no file.</summary>
    public Representation? Representation => _representation.Value;

    static Representation? Simplify(byte[]? detailed)
    {
        if (detailed is null)
            return null;
        var collection = JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(detailed, GeoJson.Compact)!;
        foreach (var feature in collection)
            feature.Geometry = NetTopologySuite.Simplify.TopologyPreservingSimplifier.Simplify(feature.Geometry, Tolerance);
        return new Representation(JsonSerializer.SerializeToUtf8Bytes(collection, GeoJson.Compact), GeoJson.MediaType,
            System.IO.Compression.CompressionLevel.SmallestSize);
    }

    static string Locate(BasemapOptions options, IServiceProvider services) =>
        options.ConfiguredOutlinesFile(services.GetRequiredService<IHostEnvironment>())
            ?? System.IO.Path.Combine(GeodataLocation.Resolve(services), "country-outlines.geojson");
}
