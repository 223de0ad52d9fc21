using Microsoft.Extensions.Options;

namespace MovingCities.Web.Geodata;

/// <summary>Finds the geodata folder: <c>Geodata:Path</c> if set, else the nearest <c>geodata/</c> above the app.</summary>
public static class GeodataLocation
{
    /// <summary>
    /// A configured file or folder as a full path, or null when the setting is empty. The one rule for every path
    /// setting (geodata, gazetteer, outlines): a relative path is under the content root (<c>src/MovingCities.Web/</c>),
    /// whatever directory the app was started from.
    /// </summary>
    public static string? ConfiguredPath(this IHostEnvironment environment, string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? null : Path.GetFullPath(configured, environment.ContentRootPath);

    public static string Resolve(IServiceProvider services) =>
        Resolve(services.GetRequiredService<IOptions<GeodataOptions>>().Value, services.GetRequiredService<IHostEnvironment>());

    public static string Resolve(GeodataOptions options, IHostEnvironment environment)
    {
        if (options.FullPath(environment) is { } configured)
            return configured;

        foreach (var start in new[] { environment.ContentRootPath, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "geodata");
                if (File.Exists(Path.Combine(candidate, GeodataFiles.CommitmentTypes)))
                    return candidate;
            }
        throw new InvalidOperationException(
            $"No geodata folder (with {GeodataFiles.CommitmentTypes}) was found above {environment.ContentRootPath}; set Geodata:Path.");
    }
}
