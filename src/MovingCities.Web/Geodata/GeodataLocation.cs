namespace MovingCities.Web.Geodata;

/// <summary>Finds the geodata folder: <c>Geodata:Path</c> if set, else the nearest <c>geodata/</c> above the app.</summary>
public static class GeodataLocation
{
    public static string Resolve(IServiceProvider services) =>
        Resolve(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());

    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Geodata:Path"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, environment.ContentRootPath);

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
