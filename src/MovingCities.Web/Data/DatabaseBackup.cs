using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MovingCities.Web.Data;

/// <summary>
/// Copies of the database that survive the disk it lives on: taken while the server keeps writing, checked before
/// they count, and restored only when this build can read them (<see cref="BackupInspection"/>).
/// </summary>
public static class DatabaseBackup
{
    public sealed record BackupReport(string Path, long Bytes, TimeSpan Took);

    public sealed record RestoreReport(string From, string Into, int MigrationsApplied, string? PreviousKeptAt);

    /// <summary>
    /// Writes a consistent copy of the live database to <paramref name="target"/>, which must not exist yet.
    /// </summary>
    /// <remarks>
    /// <c>VACUUM INTO</c> rather than the online backup API: both read one consistent snapshot in a single read
    /// transaction (in WAL mode the server's writers carry on meanwhile), but VACUUM INTO writes a compact file in
    /// rollback-journal mode, complete without a <c>-wal</c> beside it, and leaves freed pages (deleted drafts,
    /// old password hashes) behind instead of archiving them. It is written under a temporary name beside the
    /// target and renamed only once it passes the integrity check, so a half-written or failed copy never carries
    /// the name of a backup and an existing file is never replaced.
    /// </remarks>
    /// <exception cref="BackupException">Nothing to back up, the target exists or cannot be written, or the copy is unsound.</exception>
    public static BackupReport Backup(string connectionString, string target)
    {
        var clock = Stopwatch.StartNew();
        var live = LiveFile(connectionString);
        if (!File.Exists(live))
            throw new BackupException($"there is no database at {live} to back up.");
        target = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
            throw new BackupException($"the folder {folder} does not exist.");
        if (File.Exists(target) || Directory.Exists(target))
            throw new BackupException($"{target} already exists; a backup never replaces a file: choose a new name or remove it first.");

        var partial = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var source = BackupInspection.Open(live))
            using (var vacuum = source.CreateCommand())
            {
                vacuum.CommandText = "VACUUM INTO $target";
                vacuum.Parameters.AddWithValue("$target", partial);
                vacuum.ExecuteNonQuery();
            }
            using (var copy = BackupInspection.Open(partial, SqliteOpenMode.ReadOnly))
            {
                var problems = BackupInspection.IntegrityProblems(copy);
                if (problems.Count > 0)
                    throw new BackupException($"the copy failed the integrity check ({string.Join("; ", problems.Take(3))}); the database itself may be damaged.");
            }
            // On disk before it is named a backup: a crash right after the rename must not leave an empty file.
            using (var stream = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
                stream.Flush(flushToDisk: true);
            File.Move(partial, target, overwrite: false);
            return new BackupReport(target, new FileInfo(target).Length, clock.Elapsed);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"cannot write {target}: {e.Message}", e);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Replaces the live database's content with a backup's and brings it up to this build's schema; the database
    /// as it was is first backed up beside itself.
    /// </summary>
    /// <remarks>
    /// The backup is copied in with SQLite's online backup API, inside one write transaction on the live file,
    /// rather than by replacing the file: a process holding the old file open would go on writing to a deleted
    /// inode, and a <c>-wal</c> left beside the old file would be replayed onto the new one. The restored data gets a
    /// new <see cref="DataStamp.Token"/>, so a server that stays running rebuilds what it prepared within a second
    /// (<see cref="DataVersionWatcher"/>); stopping it first is still the safer way, as its writes could interleave.
    /// The backup file itself is never opened for writing: it is checked and copied in from a private copy.
    /// </remarks>
    /// <exception cref="BackupException">The file is not a restorable backup, or the live database could not take it.</exception>
    public static async Task<RestoreReport> RestoreAsync(IServiceProvider services, string file, CancellationToken cancellationToken = default)
    {
        var connectionString = services.GetRequiredService<DatabaseConnection>().ConnectionString;
        var live = LiveFile(connectionString);
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
            throw new BackupException($"no such file: {file}");
        if (file == live)
            throw new BackupException($"{file} is the live database itself.");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
        var known = db.Database.GetMigrations().ToList();

        var work = Path.Combine(Path.GetTempPath(), $"movingcities-restore-{Guid.NewGuid():N}.db");
        var copiedIn = false;
        try
        {
            File.Copy(file, work);
            var applied = BackupInspection.AppliedMigrations(work, file, known);

            var previous = File.Exists(live) ? KeepPrevious(connectionString, live) : null;

            using (var source = BackupInspection.Open(work))
            using (var target = BackupInspection.Open(live, SqliteOpenMode.ReadWriteCreate))
            {
                source.BackupDatabase(target);
                copiedIn = true;
                // A database created here (a new disk) would take the backup's rollback-journal mode; the app's run
                // in WAL, as EF Core creates them, so that readers and the one writer proceed side by side.
                using var wal = target.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = wal";
                wal.ExecuteNonQuery();
            }

            try
            {
                // A backup taken while a migration ran carries its lock row; EF Core would wait for it forever.
                await MigrationLock.ClearIfStaleAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseBackup)), cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                // Not through SaveChanges: nothing was edited, but every running instance must see other data.
                await db.DataStamps.Where(stamp => stamp.Id == DataStamp.SingleId)
                    .ExecuteUpdateAsync(stamp => stamp.SetProperty(s => s.Token, Guid.NewGuid()), cancellationToken);
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                throw new BackupException($"{file} was copied in, but migrating it failed: {e.Message}" +
                    (previous is null ? "" : $" The database as it was is kept at {previous}."), e) { DatabaseChanged = true };
            }
            return new RestoreReport(file, live, known.Count - applied.Count, previous);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"cannot restore {file} into {live}: {e.Message}" +
                (e is SqliteException { SqliteErrorCode: 5 or 6 } ? " (is the server still running? stop it first)" : ""), e)
                { DatabaseChanged = copiedIn };
        }
        finally
        {
            foreach (var leftover in new[] { work, work + "-wal", work + "-shm", work + "-journal" })
                File.Delete(leftover);
        }
    }

    /// <summary>
    /// Backs the live database up beside itself before it is overwritten. A database too damaged to back up is the
    /// usual reason to restore, so then its raw bytes are kept instead of refusing.
    /// </summary>
    static string KeepPrevious(string connectionString, string live)
    {
        var kept = Path.Combine(Path.GetDirectoryName(live)!,
            $"{Path.GetFileNameWithoutExtension(live)}.before-restore-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}.db");
        try
        {
            return Backup(connectionString, kept).Path;
        }
        catch (BackupException) when (!File.Exists(kept))
        {
            var raw = kept[..^".db".Length] + ".damaged.db";
            File.Copy(live, raw);
            if (File.Exists(live + "-wal"))
                File.Copy(live + "-wal", raw + "-wal");
            return raw;
        }
    }

    static string LiveFile(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
}
