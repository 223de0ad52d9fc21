using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Print;

namespace MovingCities.Tests.Print;

/// <summary>The city page's print-only sheet as the server writes it (how it prints: Browser/PrintBrowserTests).</summary>
public class PrintSheetTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Theory]
    [InlineData("de", "Wo Konstanz in Deutschland liegt", "Gedruckt am ")]
    [InlineData("en", "Where Konstanz lies in Germany", "Printed on ")]
    public async Task A_city_page_carries_a_hidden_print_sheet_with_an_outline_map_a_qr_code_of_its_address_and_the_day(string lang, string mapLabel, string printed)
    {
        var response = await app.Get($"/{lang}/cities/konstanz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var sheet = page.QuerySelector("[data-role=print-sheet]")!;
        var address = $"http://localhost/{lang}/cities/konstanz";

        Assert.True(sheet.HasAttribute("hidden")); // on screen the page has its live map and links instead
        var map = sheet.QuerySelector("svg.print-sheet__map[role=img]")!;
        Assert.Equal(mapLabel, map.GetAttribute("aria-label"));
        Assert.Equal(mapLabel, map.QuerySelector("title")!.TextContent);
        Assert.NotNull(map.QuerySelector("circle"));

        var qr = sheet.QuerySelector("svg.qr-code[role=img]")!;
        Assert.Contains(address, qr.QuerySelector("title")!.TextContent);
        Assert.Equal(address, QrDecoding.Decode(qr.OuterHtml));

        var day = DateTime.UtcNow;
        var line = sheet.QuerySelector("[data-role=printed]")!.TextContent;
        Assert.StartsWith(printed, line);
        Assert.EndsWith(address, line);
        Assert.Contains(day.Year.ToString(), line);
    }

    [Fact]
    public void The_outline_map_draws_the_citys_own_country_even_where_the_outline_of_a_neighbour_covers_it()
    {
        var maps = app.App.Services.GetRequiredService<OutlineMap>();
        // At the outlines' scale Konstanz, on the Rhine, lies inside Switzerland's shape.
        var konstanz = maps.Around("DE", 9.17582, 47.66033)!;
        var berlin = maps.Around("DE", 13.40495, 52.52004)!;
        var bern = maps.Around("CH", 7.44744, 46.94809)!;

        Assert.Equal(berlin.Country, konstanz.Country);
        Assert.NotEqual(bern.Country, konstanz.Country);
        Assert.NotEmpty(konstanz.Neighbours); // Switzerland, Austria, France… drawn lighter around it
        Assert.NotEqual((berlin.X, berlin.Y), (konstanz.X, konstanz.Y));
        // Konstanz lies at Germany's southern edge: its dot near the bottom of the drawing.
        Assert.True(double.Parse(konstanz.Y, System.Globalization.CultureInfo.InvariantCulture) > 0.85 * double.Parse(konstanz.Height, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_country_far_larger_than_a_sheet_is_cut_to_a_window_around_the_city()
    {
        var maps = app.App.Services.GetRequiredService<OutlineMap>();
        // Spain's outline reaches the Canary Islands; Madrid's map shows the mainland around it.
        var madrid = maps.Around("ES", -3.70379, 40.41678)!;
        var x = double.Parse(madrid.X, System.Globalization.CultureInfo.InvariantCulture);
        var y = double.Parse(madrid.Y, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(x, 40, OutlineMap.Size - 40);
        Assert.InRange(y, 30, double.Parse(madrid.Height, System.Globalization.CultureInfo.InvariantCulture) - 30);
    }

    [Theory]
    [InlineData("DE", 9.17582, 47.66033)]
    [InlineData("ES", -3.70379, 40.41678)]
    [InlineData("IT", 12.49637, 41.90278)]
    public void Every_outline_is_a_valid_svg_path_even_where_simplifying_leaves_a_ring_empty(string country, double longitude, double latitude)
    {
        var drawing = app.App.Services.GetRequiredService<OutlineMap>().Around(country, longitude, latitude)!;
        // Small islands cut at the window's edge simplify to nothing; a lone "Z" makes browsers log an error.
        var subpath = new System.Text.RegularExpressions.Regex(@"^M[-\d.]+ [-\d.]+(L[-\d.]+ [-\d.]+){2,}Z$");
        foreach (var path in drawing.Neighbours.Prepend(drawing.Country))
        {
            Assert.EndsWith("Z", path);
            foreach (var part in path[..^1].Split('Z'))
                Assert.Matches(subpath, part + "Z");
        }
    }
}
