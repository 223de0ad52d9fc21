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
    readonly SemaphoreSlim _rebuilding = new(1, 1);
    volatile Prepared? _prepared;

    sealed record Prepared(long Version, Representation Representation);

    /// <summary>
    /// Brotli's smallest size costs seconds per megabyte: worth it for today's few hundred cities, but every
    /// save rebuilds the layer, so past a few thousand cities the default level keeps a rebuild short.
    /// </summary>
    public static CompressionLevel CompressionFor(int cityCount) =>
        cityCount <= 2_000 ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;

    public async Task<Representation> GetAsync(CancellationToken cancellationToken)
    {
        var prepared = _prepared;
        if (prepared is not null && prepared.Version == dataVersion.Current)
            return prepared.Representation;

        await _rebuilding.WaitAsync(cancellationToken);
        try
        {
            // Read the version before the data: a write during the build leaves the result stale, never current.
            var version = dataVersion.Current;
            if (_prepared is { } fresh && fresh.Version == version)
                return fresh.Representation;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
            var typeOrder = await db.CommitmentTypes.ToDictionaryAsync(t => t.Key, t => t.SortOrder, cancellationToken);
            var cities = await CityFeatures.Summaries(db.Cities.AsNoTracking()).AsSplitQuery().ToListAsync(cancellationToken);
            var representation = CityFeatures.Layer(cities, typeOrder, CompressionFor(cities.Count)).Precompress();
            _prepared = new Prepared(version, representation);
            return representation;
        }
        finally
        {
            _rebuilding.Release();
        }
    }
}
