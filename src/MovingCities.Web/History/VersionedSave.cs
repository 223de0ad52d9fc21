using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;

namespace MovingCities.Web.History;

/// <summary>An item whose edit forms carry the version they were loaded from (posts, cities with their commitments).</summary>
public interface IVersioned
{
    /// <summary>Raised by every saved edit; a concurrency token in the database.</summary>
    int Version { get; set; }
}

/// <summary>
/// The one way edits of versioned items are saved: the item and its history entry together, and never over a
/// version the editor has not seen.
/// </summary>
/// <remarks>
/// A save can lose in two ways that must look the same to the editor: the item was already newer when the
/// request loaded it, or another save committed between this request's load and its write. The second shows up
/// only as a <see cref="DbUpdateConcurrencyException"/> (the UPDATE's <c>WHERE Version = loaded</c> matches no
/// row); both come back as <c>false</c>, so the caller shows one conflict answer (409 with both versions).
/// </remarks>
public static class VersionedSave
{
    /// <param name="item">Tracked by <paramref name="db"/> and already changed; new items (Added) have no older version to lose to.</param>
    /// <param name="loadedVersion">The version the editor's form was loaded from.</param>
    /// <param name="recordChange">Adds the history entry; runs after the first write, so a new item has its id.</param>
    /// <returns>
    /// False when a newer version exists: nothing was written and <paramref name="db"/> forgets everything it
    /// tracked, so the caller reloads the item as it is saved now.
    /// </returns>
    public static async Task<bool> TrySaveAsync(MovingCitiesDb db, IVersioned item, int loadedVersion, Action recordChange)
    {
        var entry = db.Entry(item);
        if (entry.State != EntityState.Added)
        {
            if (entry.Property(i => i.Version).OriginalValue != loadedVersion)
            {
                db.ChangeTracker.Clear();
                return false;
            }
            entry.Property(i => i.Version).OriginalValue = loadedVersion;
        }
        item.Version = loadedVersion + 1;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            recordChange();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The transaction rolled back when disposed: neither the item nor its history entry was written.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
