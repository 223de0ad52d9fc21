using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Http;

namespace MovingCities.Web.Commitments;

/// <summary>
/// The commitment-type catalogue as the API sends it, read, serialised and compressed once per data version: the
/// map asks for it on every load, and it changes only when an editor saves.
/// </summary>
public sealed class CommitmentCatalogue(DataVersion dataVersion, IServiceScopeFactory scopes)
{
    readonly PreparedPerVersion<Representation> _catalogue = new(dataVersion, scopes, async (db, cancellationToken) =>
    {
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new CommitmentTypeView(
            t.Key, new LocalizedText(t.TitleDe, t.TitleEn), new LocalizedText(t.DescriptionDe, t.DescriptionEn), t.Color, t.Family,
            db.Cities.Count(c => c.Commitments.Any(m => m.TypeKey == t.Key))))
            .ToListAsync(cancellationToken);
        // A few kilobytes compressed once per version: the smallest size costs nothing worth counting.
        return Representation.Json(types, level: CompressionLevel.SmallestSize).Precompress();
    });

    public Task<Representation> GetAsync(CancellationToken cancellationToken) => _catalogue.GetAsync(cancellationToken);
}
