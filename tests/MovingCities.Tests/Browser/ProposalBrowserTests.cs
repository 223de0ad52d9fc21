using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// The public proposal form as a visitor uses it, in German and in English, on a host of its own (proposals are
/// written): reached from a city page, filled in, sent, and waiting for the editors, with nothing public changed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProposalBrowserTests(BrowserApp app) : IDisposable
{
    readonly LiveHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("de", "Korrektur vorschlagen", "Zusage oder Korrektur vorschlagen", "Danke!")]
    [InlineData("en", "Propose a correction", "Propose a commitment or a correction", "Thank you!")]
    public async Task A_visitor_proposes_a_correction_from_a_city_page_and_it_waits_for_the_editors(string lang, string link, string heading, string thanks)
    {
        var page = await app.NewPage(bypassCsp: true, host: _host); // to inject axe-core below
        await page.GotoAsync($"/{lang}/cities/konstanz");
        await page.Locator($"[data-commitment=sea-rescue-support] a:has-text('{link}')").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        Assert.Equal(lang, await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.Locator("select[name=city]")).ToHaveValueAsync("konstanz");
        await Expect(page.Locator("select[name=type]")).ToHaveValueAsync("sea-rescue-support");
        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        var serious = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)");
        Assert.Empty(serious);

        await page.SelectOptionAsync("select[name=status]", "implemented");
        await page.FillAsync("input[name=date]", "2024-05");
        await page.FillAsync("textarea[name=summary]", "<script>alert(1)</script> Der Stadtrat hat die Patenschaft verlängert.");
        await page.FillAsync("input[name=sourceUrl]", "https://example.org/konstanz-patenschaft");
        await page.ClickAsync("button[type=submit]");

        await Expect(page.Locator("[data-role=sent]")).ToContainTextAsync(thanks);
        var stored = await _host.App.WithDb(db => db.Proposals.AsNoTracking().ToListAsync());
        var proposal = Assert.Single(stored);
        Assert.Equal("https://example.org/konstanz-patenschaft", proposal.SourceUrl);
        var konstanz = await _host.App.GetJson("/api/cities/konstanz");
        Assert.DoesNotContain("konstanz-patenschaft", konstanz.GetRawText()); // nothing public until an editor acts
    }
}
