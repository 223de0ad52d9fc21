using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using MovingCities.Tests.Print;
using MovingCities.Web.Commitments;
using MovingCities.Web.News;

namespace MovingCities.Tests.Browser;

/// <summary>Printing a city page in a real Chromium (its own PDF, A4, print media): one sheet, the QR code on it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintBrowserTests(BrowserApp app) : IDisposable
{
    readonly LiveHost _host = new();

    public void Dispose() => _host.Dispose();

    const string LongSummary = "Der Rat hat nach langer Debatte mit großer Mehrheit beschlossen, über die Quote hinaus Geflüchtete aufzunehmen, "
        + "Unterkünfte bereitzustellen und die Beratung zu stärken; die Verwaltung berichtet dem Rat jährlich über den Stand der Umsetzung.";

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public async Task Konstanz_with_five_commitments_and_five_news_posts_prints_on_one_A4_page_with_its_QR_code(string lang)
    {
        await FillKonstanz();
        var page = await app.NewPage(host: _host);
        await page.GotoAsync($"/{lang}/cities/konstanz");
        var address = page.Url;

        var qr = page.Locator("svg.qr-code");
        Assert.Null(await qr.BoundingBoxAsync()); // not on screen
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var box = await qr.BoundingBoxAsync();
        Assert.True(box is { Width: > 60, Height: > 60 }, $"the QR code printed at {box?.Width}×{box?.Height} px");
        Assert.Equal(box.Width, box.Height, 1);
        Assert.Equal(address, QrDecoding.Decode(await qr.EvaluateAsync<string>("svg => svg.outerHTML")));
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-role=printed]")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#next-steps")).ToBeHiddenAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("[data-role=news] > li")).ToHaveCountAsync(6);
        Assert.Equal(5, await page.Locator("[data-role=news] > li").EvaluateAllAsync<int>("items => items.filter(i => getComputedStyle(i).display !== 'none').length"));
        Assert.Equal(5, await page.Locator("[data-role=commitments] li[data-commitment]").CountAsync());
        // Sources are written out on paper.
        var written = await page.Locator("[data-role=commitments] a[href^=http]").First.EvaluateAsync<string>("a => getComputedStyle(a, '::after').content");
        Assert.Contains("https://", written);

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        var folder = Path.Combine(TestApp.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, $"print-konstanz-{lang}.pdf"), pdf);
        Assert.Equal(1, PageCount(pdf));
    }

    /// <summary>Pages in a PDF: its <c>/Type /Page</c> objects (not the <c>/Pages</c> tree nodes).</summary>
    static int PageCount(byte[] pdf) => PageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    /// <summary>Konstanz at the sheet's stated limit, with long texts: five commitments and six news posts (one more than printed).</summary>
    async Task FillKonstanz()
    {
        await _host.App.WithDb(async db =>
        {
            var konstanz = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
            var types = new[] { "safe-harbour-declaration", "additional-admission", "admission-programme", "municipal-reception" };
            for (var i = 0; konstanz.Commitments.Count < 5; i++)
                konstanz.Commitments.Add(new Commitment
                {
                    TypeKey = types[i], Status = CommitmentStatus.Decided, Date = $"202{i}-0{i + 3}-1{i}",
                    Summary = new LocalizedText(LongSummary, LongSummary),
                    SourceUrl = $"https://www.konstanz.de/service/pressereferat/pressemitteilungen/ein+langer+titel+einer+pressemitteilung+des+rats+nummer+{i}",
                });
            var existing = await db.NewsPosts.CountAsync(p => p.Cities.Any(c => c.Slug == "konstanz") && p.Status == NewsStatus.Published);
            for (var i = existing; i < 6; i++)
                db.NewsPosts.Add(new NewsPost
                {
                    Slug = $"konstanz-beschluss-{i}", Title = $"Konstanz: Der Rat berät über die Aufnahme von Geflüchteten und die Patenschaft, Teil {i}",
                    Language = "de", PublishedAt = new DateOnly(2024, 1 + i, 10), Status = NewsStatus.Published, Body = "Text.", Cities = [konstanz],
                });
            await db.SaveChangesAsync();
        });
    }
}
