using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MovingCities.Web.Data;
using Npgsql;

namespace MovingCities.Tests.Infrastructure;

/// <summary>Which database the test hosts run on, as a type argument for the test classes run on both.</summary>
public interface ITestDatabase
{
    static abstract DatabaseProvider Provider { get; }
}

public sealed class OnSqlite : ITestDatabase
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class OnPostgres : ITestDatabase
{
    public static DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
}

/// <summary>
/// The PostgreSQL server the tests use: the one named by <c>MOVINGCITIES_TEST_POSTGRES</c> (an admin connection
/// string; .ci/run sets it), else a throwaway cluster started here from Debian's PostgreSQL 15 binaries, removed
/// when the test process exits. Each test host gets a database of its own on it.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MOVINGCITIES_TEST_POSTGRES";
    const string Binaries = "/usr/lib/postgresql/15/bin";
    const string PostGisControl = "/usr/share/postgresql/15/extension/postgis.control";

    static readonly Lazy<string> Admin = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);
    static readonly ConcurrentDictionary<string, bool> Given = new();
    static readonly Lazy<string> FixtureTemplate = new(MakeFixtureTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => Admin.Value;

    /// <summary>
    /// A new database already migrated and seeded from the test fixture: a copy of a template the first caller has the
    /// app itself migrate and seed. Creating PostGIS and migrating took about 1.5 s of every test host's start; a copy
    /// takes a fraction of that. Tests of how the app creates, migrates and seeds an empty database use
    /// <see cref="NewDatabaseName"/> instead.
    /// </summary>
    public static string NewFixtureDatabase()
    {
        var name = NewDatabaseName();
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{FixtureTemplate.Value}\"");
        return name;
    }

    static string MakeFixtureTemplate()
    {
        var name = NewDatabaseName();
        using (var app = new TestApp(name, provider: DatabaseProvider.PostgreSQL))
            _ = app.Services; // the host's start migrates and seeds, exactly as for any test host
        // A template may have no session open while it is copied. The host's idle pooled connections outlive it (the
        // Data Protection key store keeps one), so they are ended here, and the template takes no new ones.
        Execute($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false");
        Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        return name;
    }

    static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>A new database name; the app creates the database itself when it starts (as it does in production).</summary>
    public static string NewDatabaseName()
    {
        var name = "movingcities_test_" + Guid.NewGuid().ToString("N")[..16];
        Given[name] = true;
        return name;
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static void Drop(string database)
    {
        Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        Given.TryRemove(database, out _);
    }

    static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            // Databases a test kept for a restart are dropped at the end, so a shared server does not collect them.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var name in Given.Keys)
                    try { Drop(name); } catch (NpgsqlException) { }
            };
            return new NpgsqlConnectionStringBuilder(given) { Database = "postgres" }.ConnectionString;
        }
        if (!File.Exists(Path.Combine(Binaries, "initdb")) || !File.Exists(PostGisControl))
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server with PostGIS. Either set {Variable} to an admin connection string " +
                "(Host=…;Port=…;Username=postgres;Password=…) of a PostgreSQL server with PostGIS 3 available, or install " +
                $"Debian's packages (apt-get install postgresql-15-postgis-3) so the tests start a throwaway cluster from {Binaries}.");
        return StartCluster();
    }

    static string StartCluster()
    {
        // A run that was killed cannot clean up after itself: its stopped clusters go now.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), "movingcities-pg-*"))
            if (!File.Exists(Path.Combine(stale, "data", "postmaster.pid")) && Directory.GetCreationTimeUtc(stale) < DateTime.UtcNow.AddMinutes(-10))
                try { Directory.Delete(stale, recursive: true); } catch (Exception) { }
        var folder = Directory.CreateTempSubdirectory("movingcities-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            Run("chown", "postgres:postgres", folder);
        Run(asRoot, Path.Combine(Binaries, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8");
        // Throwaway data: no fsync. Sockets in the cluster's own folder; TCP on loopback only.
        Run(asRoot, Path.Combine(Binaries, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500",
            "start");
        // A watcher outside this process stops the server and removes the folder once the test process is gone, however
        // it ends (a test host killed at a timeout runs no exit handlers).
        var stop = $"{Path.Combine(Binaries, "pg_ctl")} -D {data} -m immediate -w stop";
        var watcher = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])["sh", "-c",
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {(asRoot ? "runuser -u postgres -- " : "")}{stop}; rm -rf {folder}"])
            watcher.ArgumentList.Add(argument);
        Process.Start(watcher)!.Dispose();
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>PostgreSQL refuses to run as root: as root, the Debian binaries run as the postgres user.</summary>
    static void Run(bool asPostgres, string program, params string[] arguments)
    {
        if (asPostgres)
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else
            Run(program, arguments);
    }

    static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Result}{output.Result}");
    }
}
