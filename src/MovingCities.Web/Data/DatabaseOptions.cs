using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MovingCities.Web.Data;

/// <summary>Which database engine holds the data.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded, a file next to the app: nothing to install or run.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server with PostGIS, for several instances sharing one database.</summary>
    PostgreSQL,
}

/// <summary>
/// <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSQL</c>) and the connection string
/// <c>ConnectionStrings:MovingCities</c> in that provider's form: a file (<c>Data Source=…</c>) or a server
/// (<c>Host=…;Database=…;Username=…</c>).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ProviderKey = Section + ":Provider";
    public const string ConnectionStringKey = "ConnectionStrings:" + Database.ConnectionName;

    public string? Provider { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>The provider named, or null for a name that is none of them. Unset means SQLite.</summary>
    public static DatabaseProvider? Parse(string? name) =>
        string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !int.TryParse(name, out _) ? provider
        : null;

    public DatabaseProvider ParsedProvider => Parse(Provider)
        ?? throw new InvalidOperationException($"{ProviderKey}: '{Provider}' is not a database provider.");

    /// <summary>Reads both settings; what they must be is <see cref="Validator"/>'s to say.</summary>
    public static void Bind(DatabaseOptions options, IConfiguration configuration)
    {
        options.Provider = configuration[ProviderKey];
        options.ConnectionString = configuration.GetConnectionString(Database.ConnectionName);
    }

    /// <summary>A known provider and a connection string of its form, checked when the app starts.</summary>
    public sealed class Validator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            if (Parse(options.Provider) is not { } provider)
                return ValidateOptionsResult.Fail(
                    $"{ProviderKey}: '{options.Provider}' is not a database provider; use Sqlite (the default) or PostgreSQL.");
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                return ValidateOptionsResult.Fail($"{ConnectionStringKey} is not set.");
            return FormProblem(provider, options.ConnectionString) is { } problem
                ? ValidateOptionsResult.Fail($"{ConnectionStringKey}: {problem}")
                : ValidateOptionsResult.Success;
        }

        static string? FormProblem(DatabaseProvider provider, string connectionString)
        {
            try
            {
                switch (provider)
                {
                    case DatabaseProvider.Sqlite:
                        return string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(connectionString).DataSource)
                            ? "a SQLite connection string names a file: Data Source=App_Data/movingcities.db" : null;
                    default:
                        return string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host)
                            ? $"with {ProviderKey}=PostgreSQL it names a server: Host=…;Database=movingcities;Username=…;Password=…" : null;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                return $"not a {provider} connection string ({e.Message})";
            }
        }
    }
}
