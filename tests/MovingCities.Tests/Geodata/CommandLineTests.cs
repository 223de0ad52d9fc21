using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Geodata;

[CollectionDefinition(nameof(CommandLine), DisableParallelization = true)]
public class CommandLine;

/// <summary>
/// Runs the app's real entry point with command arguments, as <c>dotnet run -- import file</c> does. Not in
/// parallel: it swaps the console, and WebApplicationFactory hosts listen for any host being built.
/// </summary>
[Collection(nameof(CommandLine))]
public class CommandLineTests
{
    internal static (int ExitCode, string Output, string Errors) Run(string database, params string[] args) => RunWithInput(database, "", args);

    /// <summary>Like <see cref="Run"/>, with standard output (where the app logs) readable while the command runs.</summary>
    internal static (int ExitCode, string Output, string Errors) RunWatched(string database, StringWriter output, params string[] args) =>
        Invoke(database, "", args, output);

    static (int ExitCode, string Output, string Errors) RunWithInput(string database, string input, params string[] args) =>
        Invoke(database, input, args, new StringWriter());

    static (int ExitCode, string Output, string Errors) Invoke(string database, string input, string[] args, StringWriter output)
    {
        var errors = new StringWriter();
        var (originalOut, originalError, originalIn) = (Console.Out, Console.Error, Console.In);
        Console.SetOut(output);
        Console.SetError(errors);
        Console.SetIn(new StringReader(input));
        try
        {
            var entryPoint = typeof(Program).Assembly.EntryPoint!;
            string[] all = [.. args, $"--ConnectionStrings:MovingCities=Data Source={database}", $"--Geodata:Path={TestApp.FixtureGeodata}",
                "--Logging:LogLevel:Default=Warning"];
            var exitCode = (int)entryPoint.Invoke(null, [all])!;
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            Console.SetIn(originalIn);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task Create_editor_reads_the_password_from_standard_input_and_the_editor_can_sign_in()
    {
        var database = TestApp.NewDatabasePath();

        var (exitCode, output, errors) = RunWithInput(database, $"{Editor.Password}\n", "create-editor", "chief@example.org", "--admin");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("chief@example.org can now sign in", output);
        using var app = new TestApp(database);
        var editor = await Editor.SignIn(app, "chief@example.org");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await editor.Client.GetAsync("/admin")).StatusCode);
        Assert.True(await app.WithDb(async db => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.UserRoles) == 2), "Editor and Admin roles");
    }

    [Theory]
    [InlineData("", "no password on standard input")]
    [InlineData("short\n", "at least 12 characters")]
    public void Create_editor_refuses_a_missing_or_weak_password_and_creates_nothing(string input, string message)
    {
        var database = TestApp.NewDatabasePath();

        var (exitCode, _, errors) = RunWithInput(database, input, "create-editor", "chief@example.org");

        Assert.Equal(1, exitCode);
        Assert.Contains(message, errors);
        Assert.Contains("nothing was created", errors);
    }

    [Fact]
    public async Task Import_writes_a_good_file_and_reports_what_it_did()
    {
        var database = TestApp.NewDatabasePath();
        var file = Path.Combine(Path.GetDirectoryName(database)!, "cities.geojson");
        File.WriteAllText(file, ImportTests.Collection(ImportTests.Feature("testhausen", "Testhausen", 8.5, 50.5)));

        var (exitCode, output, errors) = Run(database, "import", file);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("1 cities created, 0 updated", output);
        using var app = new TestApp(database);
        Assert.Equal("Testhausen", (await app.GetJson("/api/cities/testhausen")).GetProperty("properties").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Import_of_a_bad_file_prints_each_problem_exits_non_zero_and_writes_nothing()
    {
        var database = TestApp.NewDatabasePath();
        var file = Path.Combine(Path.GetDirectoryName(database)!, "bad.geojson");
        var feature = ImportTests.Feature("testhausen", "Testhausen", 8.5, 95);
        feature["properties"]!["commitments"]![0]!["type"] = "nonsense";
        File.WriteAllText(file, ImportTests.Collection(feature));

        var (exitCode, _, errors) = Run(database, "import", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.geojson: feature #1 (testhausen): geometry.coordinates[1]", errors);
        Assert.Contains("bad.geojson: feature #1 (testhausen): properties.commitments[0].type", errors);
        Assert.Contains("nothing was written", errors);
        using var app = new TestApp(database);
        Assert.Equal(11, (await app.GetJson("/api/cities")).GetProperty("features").GetArrayLength());
    }

    [Fact]
    public void Export_writes_a_geodata_folder()
    {
        var database = TestApp.NewDatabasePath();
        var folder = Path.Combine(Path.GetDirectoryName(database)!, "export");

        var (exitCode, _, errors) = Run(database, "export", folder);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(File.ReadAllText(Path.Combine(TestApp.FixtureGeodata, "cities.geojson")), File.ReadAllText(Path.Combine(folder, "cities.geojson")));
        Assert.True(File.Exists(Path.Combine(folder, "news", "tageskonferenz-kommunen-als-sichere-haefen.md")));
    }

    [Theory]
    [InlineData("import")]
    [InlineData("frobnicate", "x")]
    public void Unknown_commands_or_missing_arguments_print_usage_and_exit_2(params string[] args)
    {
        var (exitCode, _, errors) = Run(TestApp.NewDatabasePath(), args);
        Assert.Equal(2, exitCode);
        Assert.Contains("Usage:", errors);
    }

    [Fact]
    public void Import_of_a_missing_file_says_so()
    {
        var (exitCode, _, errors) = Run(TestApp.NewDatabasePath(), "import", "/nonexistent/cities.geojson");
        Assert.Equal(1, exitCode);
        Assert.Contains("no such file", errors);
    }
}
