using System.Text;
using Microsoft.Data.Sqlite;

namespace MovingCities.Web.Data;

/// <summary>
/// What a file must be for this build to restore it: a SQLite database that passes <c>PRAGMA integrity_check</c>
/// and whose EF Core migration history holds only migrations this build knows. The one place these rules live.
/// </summary>
public static class BackupInspection
{
    const string HistoryTable = "__EFMigrationsHistory";
    static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>The migrations recorded in <paramref name="file"/>, or why it cannot be restored.</summary>
    /// <param name="shownAs">The name the person gave the file, for the messages (the file may be a private copy).</param>
    /// <exception cref="BackupException">The file is not a sound database of this app at a schema this build knows.</exception>
    public static IReadOnlyList<string> AppliedMigrations(string file, string shownAs, IReadOnlyCollection<string> knownMigrations)
    {
        if (!HasSqliteHeader(file))
            throw new BackupException($"{shownAs} is not a SQLite database.");
        try
        {
            using var connection = Open(file);
            var problems = IntegrityProblems(connection);
            if (problems.Count > 0)
                throw new BackupException($"{shownAs} is damaged: the integrity check reports {string.Join("; ", problems.Take(3))}");
            var applied = MigrationHistory(connection)
                ?? throw new BackupException($"{shownAs} is not a Moving Cities database: it has no {HistoryTable} table.");
            return SchemaProblem(applied, knownMigrations) is { } problem ? throw new BackupException($"{shownAs} {problem}") : applied;
        }
        catch (SqliteException e)
        {
            // Damage the integrity check cannot step over (a page that is no b-tree page) surfaces as SQLITE_CORRUPT.
            throw new BackupException($"{shownAs} is damaged: {e.Message}", e);
        }
    }

    /// <summary>
    /// An older schema (fewer migrations, every one of them known) is fine: restoring migrates it. A migration this
    /// build does not know means a newer app wrote the file, and this one would misread what it cannot see.
    /// </summary>
    public static string? SchemaProblem(IReadOnlyCollection<string> applied, IReadOnlyCollection<string> known)
    {
        if (applied.Count == 0)
            return "has an empty migration history: it holds no schema of this app.";
        var unknown = applied.Where(id => !known.Contains(id)).ToList();
        return unknown.Count > 0
            ? $"was written by a newer version of the app (migrations this build does not know: {string.Join(", ", unknown)}); " +
              "restore it with that version or a later one."
            : null;
    }

    /// <summary>The lines of <c>PRAGMA integrity_check</c> other than its single <c>ok</c>.</summary>
    public static IReadOnlyList<string> IntegrityProblems(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
            lines.Add(reader.GetString(0));
        return lines is ["ok"] ? [] : lines;
    }

    /// <summary>A connection that never creates the file and is not pooled, so the file is free once it is closed.</summary>
    public static SqliteConnection Open(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWrite)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    static bool HasSqliteHeader(string file)
    {
        using var stream = File.OpenRead(file);
        var header = new byte[SqliteHeader.Length];
        return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(SqliteHeader);
    }

    /// <summary>Whether the database has a table of this name (EF Core creates its own tables only when it needs them).</summary>
    public static bool HasTable(SqliteConnection connection, string table)
    {
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        exists.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(exists.ExecuteScalar()) > 0;
    }

    static List<string>? MigrationHistory(SqliteConnection connection)
    {
        if (!HasTable(connection, HistoryTable))
            return null;
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MigrationId FROM \"{HistoryTable}\" ORDER BY MigrationId";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
            ids.Add(reader.GetString(0));
        return ids;
    }
}

/// <summary>A backup or restore that cannot be done, with a message for the person running it.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Whether the live database was written before the failure (all checks happen before it is).</summary>
    public bool DatabaseChanged { get; init; }
}
