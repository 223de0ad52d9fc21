using Microsoft.Extensions.Options;

namespace MovingCities.Web.Geodata;

/// <summary>Finds the geodata folder: <c>Geodata:Path</c> if set, else the nearest <c>geodata/</c> above the app.</summary>
public static class GeodataLocation
{
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
