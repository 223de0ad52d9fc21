using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MovingCities.Web.Geodata;

namespace MovingCities.Web.Data;

/// <summary>Where the database lives, and bringing it up to date before anything reads it.</summary>
public static class Database
{
    public const string ConnectionName = "MovingCities";

    /// <summary>
    /// The configured provider and connection string; for SQLite a relative file path made absolute under the content
    /// root, so the same database is used whatever directory the app is started from.
    /// </summary>
    public static DatabaseConnection Connection(DatabaseOptions options, IHostEnvironment environment)
    {
        var provider = options.ParsedProvider;
        var configured = options.ConnectionString
            ?? throw new InvalidOperationException($"{DatabaseOptions.ConnectionStringKey} is not set.");
        if (provider != DatabaseProvider.Sqlite)
            return new DatabaseConnection(provider, configured);
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource is not ("" or ":memory:") && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, environment.ContentRootPath);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return new DatabaseConnection(provider, builder.ToString());
    }

    /// <summary>
    /// Applies migrations, makes the first Data Protection key, then seeds from geodata/ if the database holds nothing
    /// yet. On PostgreSQL the database is created if missing, and the whole runs under an advisory lock, so instances
    /// started together on an empty database migrate and seed it once: the others wait, then find it done.
    /// </summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var connection = services.GetRequiredService<DatabaseConnection>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database));
        if (connection.Provider != DatabaseProvider.PostgreSQL)
        {
            await MigrateAndSeedUnlockedAsync(services, logger, cancellationToken);
            return;
        }
        await PostgresDatabase.EnsureExistsAsync(connection.ConnectionString, logger, cancellationToken);
        await using (await PostgresDatabase.LockAsync(connection.ConnectionString, PostgresDatabase.MigrateAndSeedLock, cancellationToken))
            await MigrateAndSeedUnlockedAsync(services, logger, cancellationToken);
    }

    static async Task MigrateAndSeedUnlockedAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MovingCitiesDb>();
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

/// <summary>The database's provider and connection string, resolved once (a relative file path made absolute under the content root).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString);

/// <summary>Registers <see cref="MovingCitiesDb"/> on the configured provider, its settings checked at start.</summary>
public static class DatabaseRegistration
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DataVersion>();
        services.AddOptions<DatabaseOptions>().Configure<IConfiguration>(DatabaseOptions.Bind).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptions.Validator>();
        services.AddSingleton(provider => Database.Connection(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value, provider.GetRequiredService<IHostEnvironment>()));
        // The context type has to be chosen now; an unknown name registers SQLite's, and start-up then stops on the
        // validation above before anything opens a database.
        if (DatabaseOptions.Parse(configuration[DatabaseOptions.ProviderKey]) == DatabaseProvider.PostgreSQL)
            services.AddDbContextPool<MovingCitiesDb, PostgresMovingCitiesDb>((provider, options) =>
                PostgresMovingCitiesDb.Configure(options, Expect(provider, DatabaseProvider.PostgreSQL))
                    .AddInterceptors(provider.GetRequiredService<DataVersion>()));
        else
            services.AddDbContextPool<MovingCitiesDb, SqliteMovingCitiesDb>((provider, options) =>
                SqliteMovingCitiesDb.Configure(options, Expect(provider, DatabaseProvider.Sqlite))
                    .AddInterceptors(provider.GetRequiredService<DataVersion>()));
        return services;
    }

    static string Expect(IServiceProvider services, DatabaseProvider registered)
    {
        var connection = services.GetRequiredService<DatabaseConnection>();
        return connection.Provider == registered ? connection.ConnectionString
            : throw new InvalidOperationException($"{DatabaseOptions.ProviderKey} changed after start-up to {connection.Provider}; restart the app.");
    }
}
