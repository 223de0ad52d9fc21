using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>What a city could do next, briefly in the map's panel, and its link to the section of the city page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NextStepsBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task The_panel_lists_what_Konstanz_could_do_next_with_counts_and_links_to_that_section_of_its_page()
    {
        var map = await MapPage.Open(app, "?city=konstanz", lang: "de");
        await map.WaitForPanel("konstanz");

        var steps = map.Panel.Locator("[data-role=next-steps]");
        await Expect(map.Panel.Locator("h3", new() { HasText = "Was hier noch möglich wäre" })).ToBeVisibleAsync();
        await Expect(steps.Locator("[data-next-step=sea-rescue-support]")).ToHaveCountAsync(0);
        var admission = steps.Locator("[data-next-step=additional-admission]");
        await Expect(admission).ToHaveTextAsync("Zusätzliche Aufnahme · 2 Orte haben das schon");
        await Expect(steps.Locator("[data-next-step=residence-support]")).ToHaveTextAsync("Bleibeperspektiven · 1 Ort hat das schon");
        await Expect(steps.Locator("[data-next-step=safe-harbour-declaration]")).ToHaveTextAsync("Erklärung zum Sicheren Hafen · noch kein Ort");
        await map.Screenshot("map-desktop-konstanz-next-steps");

        await admission.Locator("a").ClickAsync();
        await map.Page.WaitForURLAsync("**/de/cities/konstanz#next-steps");
        var section = map.Page.Locator("#next-steps");
        await Expect(section.Locator("h2")).ToHaveTextAsync("Was hier noch möglich wäre");
        await Expect(section.Locator("[data-next-step=additional-admission] [data-city=osnabrueck] a")).ToHaveAttributeAsync("href", "/de/cities/osnabrueck");
        await Expect(section.Locator("[data-next-step=additional-admission] [data-city=osnabrueck] [data-role=distance]")).ToHaveTextAsync("519 km");
        await map.Screenshot("city-konstanz-next-steps");
    }

    [Fact]
    public async Task The_panel_speaks_English_on_the_English_map()
    {
        var map = await MapPage.Open(app, "?city=frankfurt-am-main");
        await map.WaitForPanel("frankfurt-am-main");

        var seaRescue = map.Panel.Locator("[data-role=next-steps] [data-next-step=sea-rescue-support]");
        await Expect(seaRescue).ToHaveTextAsync("Sea rescue support · 5 cities have made it");
        await Expect(seaRescue.Locator("a")).ToHaveAttributeAsync("href", "/en/cities/frankfurt-am-main#next-steps");
        await Expect(map.Panel).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"⟦|\b(null|undefined|NaN)\b"));
    }
}
