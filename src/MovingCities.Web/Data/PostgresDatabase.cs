using Npgsql;

namespace MovingCities.Web.Data;

/// <summary>What only PostgreSQL needs: creating the database if missing, and a lock held across instances.</summary>
public static class PostgresDatabase
{
    /// <summary>Advisory lock key (an arbitrary constant, "MovCity" in ASCII) held while migrating and seeding.</summary>
    public const long MigrateAndSeedLock = 0x4D6F7643697479;

    /// <summary>
    /// Creates the configured database when the server does not have it, connecting to the maintenance database
    /// <c>postgres</c> to do so. Another instance creating it at the same moment is fine.
    /// </summary>
    public static async Task EnsureExistsAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
        }
        var name = target.Database ?? target.Username
            ?? throw new InvalidOperationException($"{DatabaseOptions.ConnectionStringKey} names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created the database {Database}", name);
        }
        // Two instances creating it at once: the loser gets duplicate_database, or a unique violation on pg_database.
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
        }
    }

    /// <summary>
    /// Waits for and holds a session-level advisory lock on a connection of its own, until disposed. A process that
    /// dies while holding it loses its session, and with it the lock: nothing is left behind to clear.
    /// </summary>
    public static async Task<IAsyncDisposable> LockAsync(string connectionString, long key, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
                await release.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases it anyway, should the unlock above have failed.
                await connection.DisposeAsync();
            }
        }
    }
}
