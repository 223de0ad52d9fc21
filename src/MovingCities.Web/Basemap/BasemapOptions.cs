namespace MovingCities.Web.Basemap;

/// <summary>
/// What the map draws beneath the cities, from the <c>Basemap</c> configuration section. An empty
/// <see cref="TileUrl"/> turns the tiles off; the country outlines are drawn either way, beneath the tiles, so
/// the map still reads when tiles are off, blocked or offline.
/// </summary>
public sealed class BasemapOptions
{
    public const string Section = "Basemap";

    /// <summary>A Leaflet tile URL template; OpenStreetMap's standard tiles unless configured.</summary>
    public string? TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>HTML shown in the attribution control; OpenStreetMap requires its credit wherever its tiles are shown.</summary>
    public string TileAttribution { get; set; } =
        "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    public int MaxZoom { get; set; } = 19;

    /// <summary>The outlines GeoJSON; <c>country-outlines.geojson</c> in the geodata folder unless configured.</summary>
    public string? OutlinesPath { get; set; }

    /// <summary>The configured outlines file; a relative path is under the content root.</summary>
    public string? ConfiguredOutlinesFile(IHostEnvironment environment) =>
        Geodata.GeodataLocation.ConfiguredPath(environment, OutlinesPath);

    public string OutlinesAttribution { get; set; } = "Outlines: <a href=\"https://www.naturalearthdata.com/\">Natural Earth</a>";

    public bool TilesEnabled => !string.IsNullOrWhiteSpace(TileUrl);

    /// <summary>
    /// Checked when the app starts: tiles from an http(s) address, from this app (a path starting with <c>/</c>) or
    /// none (empty); a configured outlines file exists.
    /// </summary>
    public sealed class Validator(IHostEnvironment environment) : Microsoft.Extensions.Options.IValidateOptions<BasemapOptions>
    {
        public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, BasemapOptions options)
        {
            var problems = new List<string>();
            if (options.TilesEnabled && !options.TileUrl!.StartsWith('/')
                && !Http.Links.IsHttp(options.TileUrl.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", "")))
                problems.Add($"Basemap:TileUrl: \"{options.TileUrl}\" is not an http(s) tile URL template; leave it empty to turn tiles off.");
            if (options.ConfiguredOutlinesFile(environment) is { } outlines && !File.Exists(outlines))
                problems.Add($"Basemap:OutlinesPath: the file {outlines} does not exist.");
            return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
        }
    }

    /// <summary>
    /// The origin the tiles come from, for the Content-Security-Policy; a <c>{s}</c> subdomain placeholder
    /// becomes a wildcard.
    /// </summary>
    public string? TileOrigin()
    {
        if (!TilesEnabled)
            return null;
        var probe = TileUrl!.Replace("{s}", "a").Replace("{z}", "0").Replace("{x}", "0").Replace("{y}", "0").Replace("{r}", "");
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri))
            return null; // a relative template is served by this app: 'self' covers it
        var host = TileUrl.Contains("{s}") ? "*." + uri.Host.Split('.', 2)[1] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
