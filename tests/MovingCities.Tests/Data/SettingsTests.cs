using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Data;

/// <summary>Settings are bound and checked when the app starts: a wrong one stops start-up with a line naming it and its value.</summary>
public class SettingsTests
{
    /// <summary>The messages of what stopped the host from starting.</summary>
    static string StartFailure(WebApplicationFactory<Program> app)
    {
        var exception = Record.Exception(() => app.Server);
        Assert.NotNull(exception);
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        if (exception is AggregateException aggregate)
            messages.AddRange(aggregate.InnerExceptions.Select(e => e.Message));
        return string.Join("\n", messages);
    }

    static string Missing() => Path.Combine(Path.GetTempPath(), "movingcities-missing-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_wrong_geodata_path_stops_start_up_naming_the_setting_and_the_path()
    {
        var missing = Missing();
        using var app = new TestApp(geodataPath: missing);
        Assert.Contains($"Geodata:Path: the folder {missing} does not exist", StartFailure(app));
    }

    [Fact]
    public void A_geodata_path_without_geodata_stops_start_up()
    {
        var empty = Directory.CreateTempSubdirectory("movingcities-empty-").FullName;
        using var app = new TestApp(geodataPath: empty);
        Assert.Contains($"Geodata:Path: {empty} has no commitment-types.json", StartFailure(app));
    }

    [Fact]
    public void A_wrong_gazetteer_folder_stops_start_up_naming_the_setting_and_the_path()
    {
        var missing = Missing();
        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Gazetteer:Folder", missing));
        Assert.Contains($"Gazetteer:Folder: the folder {missing} does not exist", StartFailure(app));
    }

    [Fact]
    public void An_unknown_editor_time_zone_stops_start_up_naming_the_setting()
    {
        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Editors:TimeZone", "Mars/Olympus_Mons"));
        Assert.Contains("Editors:TimeZone: 'Mars/Olympus_Mons' is not a time zone", StartFailure(app));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("tiles/{z}/{x}/{y}.png")]
    public void A_tile_url_that_is_not_http_stops_start_up(string tileUrl)
    {
        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Basemap:TileUrl", tileUrl));
        Assert.Contains($"Basemap:TileUrl: \"{tileUrl}\" is not an http(s) tile URL template", StartFailure(app));
    }

    [Fact]
    public void A_missing_outlines_file_stops_start_up()
    {
        var missing = Missing() + ".geojson";
        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Basemap:OutlinesPath", missing));
        Assert.Contains($"Basemap:OutlinesPath: the file {missing} does not exist", StartFailure(app));
    }

    [Fact]
    public void An_https_port_that_is_not_a_port_stops_start_up()
    {
        using var app = new TestApp(environment: "Production").WithWebHostBuilder(b => b.UseSetting("HTTPS_PORT", "443x"));
        Assert.Contains("HTTPS_PORT: \"443x\" is not a port number (1-65535)", StartFailure(app));
    }

    [Fact]
    public void An_unknown_database_provider_stops_start_up_naming_the_setting_and_the_choices()
    {
        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Database:Provider", "Oracle"));
        Assert.Contains("Database:Provider: 'Oracle' is not a database provider; use Sqlite (the default) or PostgreSQL.", StartFailure(app));
    }

    [Fact]
    public void A_sqlite_connection_string_with_the_postgresql_provider_stops_start_up_naming_the_setting()
    {
        using var app = new TestApp().WithWebHostBuilder(b => b.UseSetting("Database:Provider", "PostgreSQL"));
        Assert.Contains("ConnectionStrings:MovingCities: not a PostgreSQL connection string", StartFailure(app));
    }
}
