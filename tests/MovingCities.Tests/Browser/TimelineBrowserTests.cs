using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>The map's panel and the city page read a city's commitments in one order, and the panel links each to its place on the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimelineBrowserTests(BrowserApp app) : IDisposable
{
    // Writes Osnabrück's history, so it runs on a host of its own.
    readonly LiveHost _host = Prepared();

    public void Dispose() => _host.Dispose();

    static LiveHost Prepared()
    {
        var host = new LiveHost();
        host.App.WithDb(async db =>
        {
            var city = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "osnabrueck");
            Commitment Item(string type, CommitmentStatus status, string date) =>
                new() { TypeKey = type, Status = status, Date = date, SourceUrl = $"https://example.org/{type}/{date}" };
            city.Commitments.Add(Item("safe-harbour-declaration", CommitmentStatus.Decided, "2019-07-11"));
            city.Commitments.Add(Item("safe-harbour-declaration", CommitmentStatus.Revoked, "2024-03"));
            city.Commitments.Add(Item("sea-rescue-support", CommitmentStatus.Implemented, "2021"));
            await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
        return host;
    }

    static Task<string[]> Texts(ILocator items) => items.EvaluateAllAsync<string[]>("items => items.map(i => i.textContent.trim())");

    [Fact]
    public async Task The_panel_shows_the_standing_years_and_commitments_in_the_city_pages_order_and_links_each_to_its_anchor()
    {
        var page = await app.NewPage(bypassCsp: true, host: _host); // CSP bypassed to inject axe-core on the city page
        await page.GotoAsync("/de?city=osnabrueck");
        var map = new MapPage(page);
        await map.WaitUntilReady();
        await map.WaitForPanel("osnabrueck");

        var panelStanding = await Texts(map.Panel.Locator("[data-role=standing] > li"));
        var panelYears = await Texts(map.Panel.Locator("[data-role=commitments] [data-role=year]"));
        var panelAnchors = await map.Panel.Locator("[data-role=commitments] a[data-role=anchor]")
            .EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).hash.slice(1))");
        Assert.Equal("Erklärung zum Sicheren Hafen seit 2019 · 2024 aufgehoben", panelStanding[0]);
        Assert.Equal(["2024", "2021", "2019", "ohne Datum"], panelYears);
        await map.Screenshot("map-desktop-osnabrueck-timeline");

        await map.Panel.Locator("a[data-role=anchor]").First.ClickAsync();
        await page.WaitForURLAsync($"**/de/cities/osnabrueck#{panelAnchors[0]}");
        Assert.Equal(panelStanding, await Texts(page.Locator("[data-role=standing] > li")));
        Assert.Equal(panelYears, await Texts(page.Locator("[data-role=commitments] [data-role=year]")));
        Assert.Equal(panelAnchors, await page.Locator("[data-role=commitments] li[data-commitment]").EvaluateAllAsync<string[]>("items => items.map(li => li.id)"));
        // The linked commitment is the one the browser shows as the target.
        Assert.Equal(panelAnchors[0], await page.EvaluateAsync<string>("() => document.querySelector(':target')?.id"));
        await Expect(page.Locator($"#{panelAnchors[0]}")).ToBeInViewportAsync();
        await Expect(page.Locator("[data-role=data-as-of]")).ToContainTextAsync("Stand der Daten:");
        await map.Screenshot("city-osnabrueck-timeline");

        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        Assert.True(violations.Length == 0, "axe on the city page: " + string.Join("; ", violations));
    }
}
