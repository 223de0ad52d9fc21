using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Http;

namespace MovingCities.Web.Cities;

/// <summary>
/// The unfiltered city layer, serialised and compressed once per data version instead of per request: it is
/// what every map load asks for. The same read keeps the cities themselves in memory (slim, with their
/// positions and commitment facts prepared), so <c>near=</c> sorts them by distance without a query.
/// </summary>
public sealed class CityLayer(DataVersion dataVersion, IServiceScopeFactory scopes)
{
    readonly PreparedPerVersion<Prepared> _layer = new(dataVersion, scopes, async (db, cancellationToken) =>
    {
        var typeOrder = await db.CommitmentTypes.ToDictionaryAsync(t => t.Key, t => t.SortOrder, cancellationToken);
        var cities = await CityFeatures.Summaries(db.Cities.AsNoTracking()).AsSplitQuery().ToListAsync(cancellationToken);
        var representation = CityFeatures.Layer(cities, typeOrder, CompressionFor(cities.Count)).Precompress();
        var prepared = cities.Select(c => new PreparedCity(c)).ToArray();
        return new Prepared(representation, typeOrder, prepared, prepared.Select(c => c.Position).ToArray());
    });

    /// <summary>
    /// The layer's bytes, the catalogue order of the types and every city in slug order, with their positions side
    /// by side in one array (<paramref name="Positions"/>[i] is <paramref name="Cities"/>[i]'s): ranking 100,000
    /// cities by distance then reads memory in order instead of visiting 100,000 objects.
    /// </summary>
    public sealed record Prepared(Representation Representation, IReadOnlyDictionary<string, int> TypeOrder, PreparedCity[] Cities, Distance.Position[] Positions);

    /// <summary>
    /// Brotli's smallest size costs seconds per megabyte: worth it for today's few hundred cities, but every
    /// save rebuilds the layer, so past a few thousand cities the default level keeps a rebuild short.
    /// </summary>
    public static CompressionLevel CompressionFor(int cityCount) =>
        cityCount <= 2_000 ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;

    public async Task<Representation> GetAsync(CancellationToken cancellationToken) =>
        (await _layer.GetAsync(cancellationToken)).Representation;

    /// <summary>The cities of the current data version, in memory.</summary>
    public Task<Prepared> CitiesAsync(CancellationToken cancellationToken) => _layer.GetAsync(cancellationToken);
}

/// <summary>A city as the layer holds it in memory: its summary, its commitments as the filters see them, its position.</summary>
public sealed class PreparedCity(CitySummary summary)
{
    public CitySummary Summary { get; } = summary;
    public CommitmentFact[] Facts { get; } = summary.Facts.ToArray();
    public Distance.Position Position { get; } = new(summary.Longitude, summary.Latitude);
}
