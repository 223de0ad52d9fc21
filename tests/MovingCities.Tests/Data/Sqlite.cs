using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Data;

/// <summary>Database files for the backup tests, read and made outside the app.</summary>
static class Sqlite
{
    /// <summary>A database as the app leaves it after its first start: migrated and seeded from the fixture.</summary>
    public static string SeededDatabase()
    {
        using var app = new TestApp();
        _ = app.Server;
        return app.DatabasePath;
    }

    public static List<string> Strings(string database, string sql)
    {
        using var connection = BackupInspection.Open(database, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetValue(0).ToString()!);
        return values;
    }

    public static void Execute(string database, string sql)
    {
        using var connection = BackupInspection.Open(database, SqliteOpenMode.ReadWriteCreate);
        using var command = connection.CreateCommand();
        // As the app's connections do: a deleted city takes its commitments and memberships along.
        command.CommandText = "PRAGMA foreign_keys = 1; " + sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The file's bytes and whether a write-ahead log sits beside it: equal means nothing was written.</summary>
    public static string Fingerprint(string database)
    {
        SqliteConnection.ClearAllPools();
        return $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(database)))} wal:{File.Exists(database + "-wal")}";
    }
}
