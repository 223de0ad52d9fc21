using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MovingCities.Tests.Infrastructure;

/// <summary>
/// The built app as its own OS process (<c>dotnet MovingCities.Web.dll …</c>), so a test can SIGKILL it the way
/// a power cut, the OOM killer or <c>kill -9</c> would: no finally blocks, no disposal, no checkpoint on exit.
/// </summary>
public sealed class AppProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();
    readonly Stopwatch _clock = Stopwatch.StartNew();

    AppProcess(Process process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>
    /// The MovingCities.Web.dll this test run loaded: the one the project reference copied next to the test
    /// binaries, so it is always the build under test (never a stale Release or publish folder).
    /// </summary>
    public static string Dll
    {
        get
        {
            var dll = typeof(Program).Assembly.Location;
            // Without its runtimeconfig, `dotnet x.dll` fails with a message about the framework, not this.
            var runtimeConfig = Path.ChangeExtension(dll, ".runtimeconfig.json");
            if (!File.Exists(runtimeConfig))
                throw new InvalidOperationException($"{runtimeConfig} is missing: the app cannot be started as a process from {Path.GetDirectoryName(dll)}.");
            return dll;
        }
    }

    /// <summary>Set for a web server: where it listens.</summary>
    public Uri? BaseAddress { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes when the process ends, however it ends.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and error so far, interleaved, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>A maintenance command (<c>import file</c>, <c>create-editor email</c>) on <paramref name="database"/>.</summary>
    public static AppProcess Command(string database, string? input, params string[] command) =>
        Start(database, command, environment: "Production", baseAddress: null, input);

    /// <summary>
    /// The web server on a free loopback port. Development, so that signing in works over plain http (outside it
    /// the sign-in cookie is Secure and /account answers only over HTTPS).
    /// </summary>
    public static AppProcess Server(string database)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        return Start(database, ["--urls", address.ToString().TrimEnd('/')], environment: "Development", address, input: null);
    }

    /// <summary>A server that answers /healthz, on another port if the one picked was taken meanwhile.</summary>
    public static async Task<AppProcess> HealthyServerAsync(string database, TimeSpan timeout)
    {
        for (var attempt = 1; ; attempt++)
        {
            var server = Server(database);
            try
            {
                await server.WaitUntilHealthyAsync(timeout);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3 && server.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// A port nobody listens on now. Kestrel with port 0 would not say which one it took without parsing its log;
    /// the short window in which another process could take this port shows up as a server that exits at once.
    /// </summary>
    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    static AppProcess Start(string database, string[] arguments, string environment, Uri? baseAddress, string? input)
    {
        var dll = Dll;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = IsPostgres(database) ? Path.GetTempPath() : Path.GetDirectoryName(database)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        string[] store = IsPostgres(database)
            ? ["--Database:Provider=PostgreSQL", $"--ConnectionStrings:MovingCities={database}"]
            : [$"--ConnectionStrings:MovingCities=Data Source={database}"];
        foreach (var argument in (string[])[
                     .. store, $"--Geodata:Path={TestApp.FixtureGeodata}",
                     $"--Gazetteer:Folder={TestApp.RepoGeodata}", $"--contentRoot={Path.GetDirectoryName(dll)}",
                     "--Logging:LogLevel:Default=Warning"])
            info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["DOTNET_ENVIRONMENT"] = environment;
        // The test host's own settings (a connection string from the runner's environment) must not leak in.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(key);

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
            process.StandardInput.Write(input);
        process.StandardInput.Close();
        return app;
    }

    /// <summary>
    /// The <c>database</c> the factory methods take: a SQLite file's path, or a PostgreSQL connection string
    /// (<see cref="TestPostgres.ConnectionString"/>), which then runs the app on PostgreSQL.
    /// </summary>
    static bool IsPostgres(string database) => database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>SIGKILL, and wait until the process is gone (its file handles closed).</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: false);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            throw new TimeoutException("the killed app did not exit within 30 s");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
            throw new TimeoutException($"the app did not finish within {timeout.TotalSeconds:0} s:\n{Output}");
        }
        return _process.ExitCode;
    }

    /// <summary>Waits until /healthz answers 200 (the database is open and migrated) or the process dies.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the server exited with code {_process.ExitCode} before it was healthy:\n{Output}");
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // listening but still starting
            }
            await Task.Delay(50);
        }
        KillHard();
        throw new TimeoutException($"the server was not healthy within {timeout.TotalSeconds:0} s:\n{Output}");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                KillHard();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
