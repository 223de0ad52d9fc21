using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>The statistics page in a real Chromium: reached from the map's header, charts drawn, clean under axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsBrowserTests(BrowserApp app) : IDisposable
{
    readonly LiveHost _host = new();

    public void Dispose() => _host.Dispose();

    /// <summary>The fixture's commitments are undated: give them years, some shared, so the year chart has columns of different heights.</summary>
    async Task DateTheCommitments()
    {
        await _host.App.WithDb(async db =>
        {
            var commitments = await db.Commitments.OrderBy(c => c.Id).ToListAsync();
            for (var i = 0; i < commitments.Count - 1; i++)
                commitments[i].Date = (2017 + i * i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await db.SaveChangesAsync();
        });
    }

    [Theory]
    [InlineData("de", "Statistik", "Zusagen pro Jahr")]
    [InlineData("en", "Statistics", "Commitments per year")]
    public async Task The_statistics_page_is_reached_from_the_map_draws_its_charts_and_passes_axe(string lang, string link, string heading)
    {
        await DateTheCommitments();
        var page = await app.NewPage(bypassCsp: true, host: _host); // to inject axe-core below
        await page.GotoAsync($"/{lang}");
        await page.Locator("header nav a", new() { HasText = link }).ClickAsync();
        await page.WaitForURLAsync($"**/{lang}/statistics");

        await Expect(page.Locator("h1")).ToHaveTextAsync(link);
        await Expect(page.Locator("#years")).ToHaveTextAsync(heading);
        foreach (var chart in await page.Locator("svg.chart[role=img]").AllAsync())
        {
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 200, Height: > 50 }, $"a chart drawn {box?.Width}×{box?.Height}");
        }
        // A column for each year, as tall as its count relative to the others.
        var heights = await page.Locator("[data-role=years] svg rect").EvaluateAllAsync<double[]>("rects => rects.map(r => r.getBoundingClientRect().height)");
        var values = await page.Locator("[data-role=years] svg rect").EvaluateAllAsync<int[]>("rects => rects.map(r => +r.dataset.value)");
        Assert.True(values.Distinct().Count() > 2, string.Join(",", values));
        var tallest = values.Max();
        for (var i = 0; i < values.Length; i++)
            Assert.Equal(heights[i] / heights[Array.IndexOf(values, tallest)], values[i] / (double)tallest, 2);

        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))");
        Assert.True(violations.Length == 0, "axe on the statistics page: " + string.Join("; ", violations));

        var folder = Path.Combine(TestApp.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"statistics-{lang}.png"), FullPage = true });
    }
}
