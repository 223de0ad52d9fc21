using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;

namespace MovingCities.Web.History;

/// <summary>An item whose edit forms carry the version they were loaded from (posts, cities with their commitments).</summary>
public interface IVersioned
{
    /// <summary>Raised by every saved edit; a concurrency token in the database.</summary>
    int Version { get; set; }
}

/// <summary>How a <see cref="VersionedSave"/> ended; unless <see cref="Saved"/>, nothing was written.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>A newer version exists: the caller answers with the conflict (409 with both versions).</summary>
    Stale,

    /// <summary>
    /// A value that must be unique (a slug) was taken by another save after the caller checked it was free: the
    /// caller answers as it does when its own check finds the value taken.
    /// </summary>
    Taken,
}

/// <summary>
/// The one way edits of versioned items are saved: the item and its history entry together, and never over a
/// version the editor has not seen.
/// </summary>
/// <remarks>
/// A save can lose in two ways that must look the same to the editor: the item was already newer when the
/// request loaded it, or another save committed between this request's load and its write. The second shows up
/// only as a <see cref="DbUpdateConcurrencyException"/> (the UPDATE's <c>WHERE Version = loaded</c> matches no
/// row); both come back as <see cref="SaveOutcome.Stale"/>, so the caller shows one conflict answer. Likewise a
/// slug checked free and taken by another save before this one's write shows up only as the unique index's
/// error (or, for a rule without an index, the caller's check repeated under the write lock); it comes back as
/// <see cref="SaveOutcome.Taken"/>, so the caller answers as if its check had seen it.
/// </remarks>
public static class VersionedSave
{
    /// <param name="item">Tracked by <paramref name="db"/> and already changed; new items (Added) have no older version to lose to.</param>
    /// <param name="loadedVersion">The version the editor's form was loaded from.</param>
    /// <param name="recordChange">Adds the history entry; runs after the first write, so a new item has its id.</param>
    /// <param name="takenMeanwhile">
    /// For a rule no unique index enforces (one city per name and country): whether another save has broken it
    /// since the caller checked. Runs in the save's transaction, which holds the database's write lock, so no
    /// other save can slip in between it and the write; true gives <see cref="SaveOutcome.Taken"/>.
    /// </param>
    /// <returns>
    /// Unless <see cref="SaveOutcome.Saved"/>, nothing was written and <paramref name="db"/> forgets everything it
    /// tracked, so the caller reloads what it shows.
    /// </returns>
    public static async Task<SaveOutcome> TrySaveAsync(MovingCitiesDb db, IVersioned item, int loadedVersion, Action recordChange,
        Func<Task<bool>>? takenMeanwhile = null)
    {
        var entry = db.Entry(item);
        if (entry.State != EntityState.Added)
        {
            if (entry.Property(i => i.Version).OriginalValue != loadedVersion)
            {
                db.ChangeTracker.Clear();
                return SaveOutcome.Stale;
            }
        }
        item.Version = loadedVersion + 1;
        try
        {
            // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock is held from here to the commit.
            await using var transaction = await db.Database.BeginTransactionAsync();
            if (takenMeanwhile is not null && await takenMeanwhile())
            {
                db.ChangeTracker.Clear();
                return SaveOutcome.Taken;
            }
            await db.SaveChangesAsync();
            recordChange();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return SaveOutcome.Saved;
        }
        // The transaction rolled back when disposed: neither the item nor its history entry was written.
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Stale;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Taken;
        }
    }

    /// <summary>
    /// A unique index refused the row: SQLITE_CONSTRAINT_UNIQUE (extended code of error 19, SQLITE_CONSTRAINT), or
    /// PostgreSQL's unique_violation (SQLSTATE 23505).
    /// </summary>
    static bool IsUniqueViolation(DbUpdateException e) => e.InnerException
        is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 }
        or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
