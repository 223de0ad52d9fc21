using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.Geodata.Facts;

namespace MovingCities.Web.Cli;

/// <summary>
/// Maintenance commands on the app's own entry point (<c>dotnet run -- import cities.geojson</c>), sharing its
/// configuration and database.
/// </summary>
public static class Commands
{
    const string Usage = """
        Usage: MovingCities.Web [command] [arguments]
          (no command)        run the web app
          import <file>       create or update the cities in a GeoJSON file, all or nothing
          export <folder>     write the database as a geodata folder (cities, types, networks, news)
          validate-geodata [folder]
                              check a geodata folder (default: the app's) and every city against the gazetteer
          import-facts <csv>... <report.md>
                              merge a facts file (geodata/sources/*.csv) into the database
                              (rules: geodata/facts-rules.json)
          create-editor <email> [--admin]
                              create an editor account (Admin role too with --admin); the password is read
                              from standard input, e.g. printf '%s\n' "$PASSWORD" | ... create-editor a@b.org
          backup <file>       write a checked copy of the database to a new file, safe while the server runs
          restore <file>      replace the database with a backup (stop the server first); the current one is
                              kept beside it, an older backup is migrated, one from a newer app is refused
        """;

    /// <summary>A first argument that is not an option (like --urls) names a command.</summary>
    public static bool Requested(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    /// <summary>
    /// The arguments meant for the host's configuration (<c>--ConnectionStrings:MovingCities=…</c>), without the
    /// command's own: the configuration reader would take a path such as <c>/data/x.geojson</c> for a switch.
    /// </summary>
    public static string[] HostArguments(string[] args) => Requested(args) ? args[Positional(args).Length..] : args;

    /// <summary>The command's words: up to the first host option; <c>--admin</c> belongs to create-editor.</summary>
    static string[] Positional(string[] args) =>
        args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal) || a == AdminFlag).ToArray();

    const string AdminFlag = "--admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var positional = Positional(args);
        switch (positional)
        {
            case ["import", var file]:
                return await ImportAsync(app.Services, file);
            case ["export", var folder]:
                return await ExportAsync(app.Services, folder);
            case ["validate-geodata"]:
                return Validate(app.Services, null);
            case ["validate-geodata", var folder]:
                return Validate(app.Services, folder);
            case ["import-facts", _, _, ..]:
                return await ImportFactsAsync(app.Services, positional[1..^1], positional[^1]);
            case ["create-editor", var email]:
                return await Editors.EditorAccounts.CreateFromConsoleAsync(app.Services, email, admin: false);
            case ["create-editor", var email, AdminFlag]:
                return await Editors.EditorAccounts.CreateFromConsoleAsync(app.Services, email, admin: true);
            case ["backup", var file]:
                return await BackupAsync(app.Services, file);
            case ["restore", var file]:
                return await RestoreAsync(app.Services, file);
            case ["help"]:
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown command or wrong arguments: {string.Join(' ', positional)}{Environment.NewLine}{Usage}");
                return 2;
        }
    }

    static async Task<int> ImportAsync(IServiceProvider services, string file)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"import: no such file: {Path.GetFullPath(file)}");
            return 1;
        }
        await Database.MigrateAndSeedAsync(services);
        await using var scope = services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<GeodataImport>()
                .ImportCitiesAsync(await File.ReadAllTextAsync(file), Path.GetFileName(file));
            Console.WriteLine($"import: {result.Created} cities created, {result.Updated} updated from {file}");
            return 0;
        }
        catch (GeodataException e)
        {
            foreach (var problem in e.Problems)
                await Console.Error.WriteLineAsync(problem);
            await Console.Error.WriteLineAsync($"import: {e.Problems.Count} problem(s); nothing was written.");
            return 1;
        }
    }

    static int Validate(IServiceProvider services, string? folder)
    {
        folder ??= GeodataLocation.Resolve(services);
        var gazetteer = Gazetteer.Load(folder);
        var result = GeodataValidator.Validate(folder, gazetteer);
        foreach (var problem in result.Problems)
            Console.Error.WriteLine(problem);
        if (result.Problems.Count > 0)
        {
            Console.Error.WriteLine($"validate-geodata: {result.Problems.Count} problem(s) in {folder}");
            return 1;
        }
        var data = result.Data!;
        Console.WriteLine($"validate-geodata: {folder} is valid: {data.CommitmentTypes.Count} commitment types, {data.Cities.Count} cities " +
            $"with {data.Cities.Sum(c => c.Commitments.Count)} commitments, {data.Networks.Count} networks with " +
            $"{data.Networks.Sum(n => n.Members.Count)} members, {data.News.Count} news posts; every city within " +
            $"{Cities.CityRules.MaxKmFromGazetteer} km of its gazetteer place ({gazetteer.Count} places) or explained");
        return 0;
    }

    /// <summary>Merges facts files, in the order given, into the database; one report accounts for every row of all of them.</summary>
    static async Task<int> ImportFactsAsync(IServiceProvider services, IReadOnlyList<string> csvs, string reportPath)
    {
        foreach (var csv in csvs)
            if (!File.Exists(csv))
            {
                await Console.Error.WriteLineAsync($"import-facts: no such file: {Path.GetFullPath(csv)}");
                return 1;
            }
        await Database.MigrateAndSeedAsync(services);
        var folder = GeodataLocation.Resolve(services);
        await using var scope = services.CreateAsyncScope();
        var import = new FactsImport(scope.ServiceProvider.GetRequiredService<MovingCitiesDb>(), Gazetteer.Load(folder), FactsRules.Load(folder));
        var report = await import.RunAsync(csvs.SelectMany(FactsFile.Read).ToList());
        await File.WriteAllTextAsync(reportPath, report.ToMarkdown());
        Console.WriteLine($"import-facts: {report.Rows} rows from {csvs.Count} file(s); {report.CitiesCreated} cities created, {report.Commitments} commitments, " +
            $"{report.Memberships} memberships, {report.Profiles} profiles, {report.AlreadyPresent} already present; {report.Unplaced.Count} rows not placed, " +
            $"{report.Skipped.Count} skipped; report in {reportPath}");
        return 0;
    }

    static async Task<int> ExportAsync(IServiceProvider services, string folder)
    {
        await Database.MigrateAndSeedAsync(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GeodataExport>().ExportAsync(folder);
        Console.WriteLine($"export: wrote {Path.GetFullPath(folder)}");
        return 0;
    }

    /// <summary>Backup and restore copy a SQLite file; a PostgreSQL server has its own tools for that.</summary>
    static bool RefusedOnServer(IServiceProvider services, string command)
    {
        if (services.GetRequiredService<DatabaseConnection>().Provider == DatabaseProvider.Sqlite)
            return false;
        Console.Error.WriteLine($"{command}: works on the SQLite file only; with {DatabaseOptions.ProviderKey}=PostgreSQL use the server's tools, " +
            (command == "backup" ? "e.g. pg_dump --format=custom --file=movingcities.dump <database>."
                : "e.g. pg_restore --clean --if-exists --dbname=<database> movingcities.dump (stop the app first)."));
        return true;
    }

    static async Task<int> BackupAsync(IServiceProvider services, string file)
    {
        if (RefusedOnServer(services, "backup"))
            return 1;
        try
        {
            var report = DatabaseBackup.Backup(services.GetRequiredService<DatabaseConnection>().ConnectionString, file);
            Console.WriteLine($"backup: wrote {report.Path} ({report.Bytes:N0} bytes, integrity ok) in {report.Took.TotalMilliseconds:N0} ms");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"backup: {e.Message}");
            return 1;
        }
    }

    static async Task<int> RestoreAsync(IServiceProvider services, string file)
    {
        if (RefusedOnServer(services, "restore"))
            return 1;
        try
        {
            var report = await DatabaseBackup.RestoreAsync(services, file);
            Console.WriteLine($"restore: {report.Into} now holds {report.From}" +
                (report.MigrationsApplied > 0 ? $", migrated by {report.MigrationsApplied} migration(s)" : "") +
                (report.PreviousKeptAt is { } previous ? $"; the database as it was is kept at {previous}" : "") +
                ". Start (or restart) the server.");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"restore: {e.Message}" + (e.DatabaseChanged ? "" : " The database was not changed."));
            return 1;
        }
    }
}
