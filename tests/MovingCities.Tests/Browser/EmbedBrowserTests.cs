using System.Net;
using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// The embedded map as a campaign's website shows it: in an iframe on a page of another origin, against the real
/// app on its socket. The campaign's page comes from a second tiny server (<see cref="CampaignSite"/>) on another
/// port and host name (localhost, while the app is 127.0.0.1): another origin and another site.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbedBrowserTests(BrowserApp app)
{
    /// <summary>A page on another origin whose body is <paramref name="body"/>; requests anywhere but the two servers are refused.</summary>
    async Task<(IPage Page, CampaignSite Site)> CampaignPage(string body)
    {
        var campaign = new CampaignSite($"<!doctype html><html lang=en><title>Our campaign</title><h1>Our campaign</h1>{body}");
        var allowed = new[] { app.ReadOnly.BaseAddress.ToString(), campaign.Address };
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1100, Height = 800 } });
        await context.RouteAsync(url => !allowed.Any(a => url.StartsWith(a, StringComparison.Ordinal)), route => route.AbortAsync());
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(campaign.Address);
        return (page, campaign);
    }

    [Fact]
    public async Task Framed_by_another_site_the_embed_shows_exactly_the_filtered_cities_opens_links_outside_and_adds_no_history()
    {
        var filters = "commitment=sea-rescue-support&country=DE";
        var expected = (await app.App.GetJson($"/api/cities?{filters}")).FeatureIds().Order().ToArray();
        Assert.NotEmpty(expected);
        var (page, campaign) = await CampaignPage($"<iframe src=\"{app.ReadOnly.BaseAddress}de/embed?{filters}\" width=\"900\" height=\"600\" title=\"Karte\"></iframe>");
        using var _ = campaign;
        var historyBefore = await page.EvaluateAsync<int>("history.length");
        var frame = page.FrameLocator("iframe");

        await Expect(frame.Locator("[data-explorer]")).ToHaveAttributeAsync("data-map-state", "ready");
        var shown = await frame.Locator("#city-list > [data-city]").EvaluateAllAsync<string[]>("entries => entries.map(e => e.dataset.city)");
        Assert.Equal(expected, shown.Order().ToArray());

        // Clicking around: a city from the list, a legend filter, the panel closed again.
        var first = expected[0];
        await frame.Locator($"#city-list [data-city='{first}'] button").ClickAsync();
        await Expect(frame.Locator($"#city-panel[data-city='{first}']:not([aria-busy])")).ToBeVisibleAsync();
        await frame.Locator("[data-role=commitment-types] input[type=checkbox]:not([disabled])").First.ClickAsync();
        await frame.Locator("[data-role=close]").ClickAsync();
        await frame.Locator($"#city-list [data-city='{first}'] button").ClickAsync();
        await Expect(frame.Locator($"#city-panel[data-city='{first}']:not([aria-busy])")).ToBeVisibleAsync();
        Assert.Equal(historyBefore, await page.EvaluateAsync<int>("history.length"));
        Assert.Equal(campaign.Address, page.Url);

        // The panel's link to the city page opens a new tab; the frame and the host page stay where they were.
        var opened = await page.Context.RunAndWaitForPageAsync(() => frame.Locator("#city-panel [data-role=city-page]").ClickAsync());
        await opened.WaitForLoadStateAsync();
        Assert.EndsWith($"/de/cities/{first}", opened.Url);
        Assert.Null(await opened.EvaluateAsync<object?>("window.opener"));
        Assert.Equal(campaign.Address, page.Url);
        Assert.Contains("/de/embed?", page.Frames.Single(f => f != page.MainFrame).Url);
        Assert.Equal(historyBefore, await page.EvaluateAsync<int>("history.length"));

        var openSite = frame.Locator("[data-role=open-site]");
        Assert.Equal("_blank", await openSite.GetAttributeAsync("target"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("de/cities/konstanz")]
    [InlineData("de")]
    [InlineData("account/login")]
    public async Task The_rest_of_the_site_refuses_to_be_framed_by_another_site(string path)
    {
        var (page, campaign) = await CampaignPage($"<iframe src=\"{app.ReadOnly.BaseAddress}{path}\" width=\"900\" height=\"600\" title=\"Karte\"></iframe>");
        using var _ = campaign;
        var frame = page.Frames.Single(f => f != page.MainFrame);
        await frame.WaitForLoadStateAsync();
        // Chromium replaces a refused frame with its own error page: nothing of the site is in it.
        Assert.Equal(0, await page.FrameLocator("iframe").Locator(".site-header").CountAsync());
        Assert.DoesNotContain("Moving Cities", await frame.ContentAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/de/embed?country=CH&city=bern")]
    [InlineData("/en/embed/builder?city=konstanz")]
    [InlineData("/de/embed/builder?commitment=additional-admission&country=AT&width=500&height=400")]
    public async Task Axe_finds_no_serious_or_critical_violations_on_the_embed_and_its_builder(string path)
    {
        var page = await app.NewPage(bypassCsp: true); // to inject axe-core
        await page.GotoAsync(path);
        if (path.Contains("/embed?"))
            await Expect(page.Locator("#city-panel[data-city='bern']:not([aria-busy])")).ToBeVisibleAsync();
        else
            await Expect(page.FrameLocator("[data-role=preview]").Locator("[data-explorer]")).ToHaveAttributeAsync("data-map-state", "ready");
        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<MapPageTests.AxeViolation[]>(
            "async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        var serious = violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, "axe: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes)}")));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_city_panel_on_the_map_copies_the_citys_link_and_offers_its_card()
    {
        var map = await MapPage.Open(app, "?city=konstanz", lang: "en");
        await map.WaitForPanel("konstanz");
        await map.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var share = map.Page.Locator("#city-panel [data-role=share]");
        Assert.Equal("/en/cities/konstanz/card.png", await share.Locator("[data-role=share-card]").GetAttributeAsync("href"));
        await share.Locator("[data-role=copy-link]").ClickAsync();
        await Expect(share.Locator("[role=status]")).ToHaveTextAsync("Copied.");
        Assert.Equal($"{app.ReadOnly.BaseAddress}en/cities/konstanz", await map.Page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await share.Locator("[data-role=copy-embed]").ClickAsync();
        await Expect(share.Locator("[role=status]")).ToHaveTextAsync("Copied.");
        Assert.StartsWith($"<iframe src=\"{app.ReadOnly.BaseAddress}en/embed?city=konstanz\"", await map.Page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }
}

/// <summary>A one-page web server on a free loopback port, addressed as localhost: the campaign's own site.</summary>
public sealed class CampaignSite : IDisposable
{
    readonly System.Net.HttpListener _listener = new();

    public CampaignSite(string html)
    {
        var port = FreePort();
        Address = $"http://localhost:{port}/";
        _listener.Prefixes.Add(Address);
        _listener.Start();
        var bytes = System.Text.Encoding.UTF8.GetBytes(html);
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; } // stopped
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
    }

    public string Address { get; }

    static int FreePort()
    {
        var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    public void Dispose() => _listener.Close();
}
