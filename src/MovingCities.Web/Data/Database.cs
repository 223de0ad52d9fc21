using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Geodata;

namespace MovingCities.Web.Data;

/// <summary>Where the database lives, and bringing it up to date before anything reads it.</summary>
public static class Database
{
    public const string ConnectionName = "MovingCities";

    /// <summary>
    /// The configured connection string with a relative file path made absolute under the content root, so the
    /// same database is used whatever directory the app is started from.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is not ("" or ":memory:") && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }

    /// <summary>Applies migrations, then seeds from geodata/ if the database holds nothing yet.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database));
        await MigrationLock.ClearIfStaleAsync(db, logger, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        EnsureDataProtectionKey(scope.ServiceProvider);
        var store = scope.ServiceProvider.GetRequiredService<GeodataImport>();
        if (!await store.IsEmptyAsync())
            return;
        var folder = GeodataLocation.Resolve(scope.ServiceProvider);
        await store.SeedAsync(GeodataReader.Read(folder));
        logger.LogInformation("Seeded the database from {Folder}", folder);
    }

    /// <summary>
    /// Makes the first Data Protection key, if the database has none that is usable, before anything signs a cookie.
    /// Left to the first request, instances started together would each make a key of their own and could not read
    /// each other's cookies until their key rings refresh.
    /// </summary>
    static void EnsureDataProtectionKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(key => !key.IsRevoked && key.ActivationDate <= now && key.ExpirationDate > now))
            keys.CreateNewKey(now, now.AddDays(90));
    }
}

/// <summary>Migrates and seeds when the web host starts, before the server accepts requests.</summary>
public sealed class DatabaseInitializer(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Database.MigrateAndSeedAsync(services, cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The database's connection string, resolved once (a relative file path made absolute under the content root).</summary>
public sealed record DatabaseConnection(string ConnectionString);
