using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MovingCities.Web.Data;

/// <summary>
/// <see cref="MovingCitiesDb"/> on SQLite. A type of its own so each provider keeps its own migrations
/// (<c>Data/Migrations/Sqlite</c>); the app resolves <see cref="MovingCitiesDb"/> whichever is configured.
/// </summary>
public sealed class SqliteMovingCitiesDb(DbContextOptions<SqliteMovingCitiesDb> options) : MovingCitiesDb(options)
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString);
}

/// <summary>
/// <see cref="MovingCitiesDb"/> on PostgreSQL with PostGIS (<c>Data/Migrations/PostgreSQL</c>): positions are
/// <c>geometry(Point, 4326)</c> with a GiST index (<see cref="Spatial"/>).
/// </summary>
public sealed class PostgresMovingCitiesDb(DbContextOptions<PostgresMovingCitiesDb> options) : MovingCitiesDb(options)
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite());

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasPostgresExtension("postgis");
        base.OnModelCreating(model);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        base.ConfigureConventions(conventions);
        // Text compares and sorts by code point, as SQLite's BINARY does, whatever locale the server was set up
        // with: the same order of names on both, and prefix searches (LIKE 'x%') can use the ordinary indexes.
        conventions.Properties<string>().UseCollation("C");
        // Every DateTime the app stores is UTC (…AtUtc). timestamptz refuses a DateTime whose Kind is not Utc, and
        // ones read back from a file or parsed from text come as Unspecified.
        conventions.Properties<DateTime>().HaveConversion<UtcKind>();
    }

    sealed class UtcKind() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value
            : value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}

/// <summary>For <c>dotnet ef migrations add X --context SqliteMovingCitiesDb --output-dir Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMovingCitiesDb>
{
    public SqliteMovingCitiesDb CreateDbContext(string[] args) => new((DbContextOptions<SqliteMovingCitiesDb>)
        SqliteMovingCitiesDb.Configure(new DbContextOptionsBuilder<SqliteMovingCitiesDb>(), "Data Source=App_Data/movingcities.db").Options);
}

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresMovingCitiesDb --output-dir Data/Migrations/PostgreSQL</c>
/// (adding a migration needs no server; <c>database update</c> uses <c>MOVINGCITIES_DESIGN_POSTGRES</c> if set).
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMovingCitiesDb>
{
    public PostgresMovingCitiesDb CreateDbContext(string[] args) => new((DbContextOptions<PostgresMovingCitiesDb>)
        PostgresMovingCitiesDb.Configure(new DbContextOptionsBuilder<PostgresMovingCitiesDb>(),
            Environment.GetEnvironmentVariable("MOVINGCITIES_DESIGN_POSTGRES") ?? "Host=localhost;Database=movingcities").Options);
}
