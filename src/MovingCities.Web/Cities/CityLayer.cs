using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Http;

namespace MovingCities.Web.Cities;

/// <summary>
/// The unfiltered city layer, serialised and compressed once per data version instead of per request: it is
/// what every map load asks for.
/// </summary>
public sealed class CityLayer(DataVersion dataVersion, IServiceScopeFactory scopes)
{
    readonly PreparedPerVersion<Representation> _layer = new(dataVersion, scopes, async (db, cancellationToken) =>
    {
        var typeOrder = await db.CommitmentTypes.ToDictionaryAsync(t => t.Key, t => t.SortOrder, cancellationToken);
        var cities = await CityFeatures.Summaries(db.Cities.AsNoTracking()).AsSplitQuery().ToListAsync(cancellationToken);
        return CityFeatures.Layer(cities, typeOrder, CompressionFor(cities.Count)).Precompress();
    });

    /// <summary>
    /// Brotli's smallest size costs seconds per megabyte: worth it for today's few hundred cities, but every
    /// save rebuilds the layer, so past a few thousand cities the default level keeps a rebuild short.
    /// </summary>
    public static CompressionLevel CompressionFor(int cityCount) =>
        cityCount <= 2_000 ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;

    public Task<Representation> GetAsync(CancellationToken cancellationToken) => _layer.GetAsync(cancellationToken);
}
