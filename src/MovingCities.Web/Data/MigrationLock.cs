using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MovingCities.Web.Data;

/// <summary>
/// EF Core's SQLite migration lock is a row in <c>__EFMigrationsLock</c>, taken before migrating and deleted after.
/// A process killed in between (kill -9, out of memory, power loss) leaves the row behind, and every later start
/// waits for it forever without a word (dotnet/efcore#38958). Before migrating, a lock older than any of our
/// migrations could take is removed; a younger one, held by a process migrating right now, is waited for.
/// </summary>
public static class MigrationLock
{
    /// <summary>Our migrations take well under a second; a lock this old belongs to a process that is gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(60);

    const string Table = "__EFMigrationsLock";

    public static async Task ClearIfStaleAsync(MovingCitiesDb db, ILogger logger, CancellationToken cancellationToken)
    {
        // PostgreSQL's migration lock goes with the session that took it.
        if (!db.Database.IsSqlite())
            return;
        // Only an existing file can hold a lock. Opening would create a missing one, and EF Core then takes it for an
        // existing database and skips what it does on creation (switching the journal to WAL).
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!File.Exists(file))
            return;
        // A connection of its own, not the context's: EF Core's migrator opens and closes that one itself.
        await using var connection = BackupInspection.Open(file);
        // Waiting is also bounded by our own clock: a lock stamped in the future (a clock set back) ages never.
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (await ReadAsync(connection, cancellationToken) is var (stamp, takenAt))
        {
            if (DateTimeOffset.UtcNow - takenAt >= StaleAfter || waiting.Elapsed >= StaleAfter)
            {
                // Only the lock seen: if another process removed it and took a fresh one meanwhile, that one stays.
                await using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM \"{Table}\" WHERE \"Timestamp\" IS $stamp";
                delete.Parameters.AddWithValue("$stamp", stamp);
                await delete.ExecuteNonQueryAsync(cancellationToken);
                logger.LogWarning("Removed a migration lock taken at {TakenAt:u} by a process that stopped before releasing it", takenAt);
                return;
            }
            logger.LogWarning("Waiting for another process's migration (lock taken at {TakenAt:u}); a lock older than {StaleAfter} is removed", takenAt, StaleAfter);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <returns>
    /// The lock's stamp as stored and when it was taken, or null when nobody holds it. A stamp that does not parse
    /// counts as old.
    /// </returns>
    static async Task<(object Stamp, DateTimeOffset TakenAt)?> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (!BackupInspection.HasTable(connection, Table))
            return null;
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT \"Timestamp\" FROM \"{Table}\" LIMIT 1";
        if (await read.ExecuteScalarAsync(cancellationToken) is not { } stamp)
            return null;
        var takenAt = DateTimeOffset.TryParse(Convert.ToString(stamp, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : DateTimeOffset.MinValue;
        return (stamp, takenAt);
    }
}
