using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// The map's status, year and region filters in a real browser, on a host of its own whose data this class
/// changes first: Konstanz withdrew its sea-rescue support in 2024, Bochum's commitment is dated 2020, Bern's 2021-05.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerFilterTests(BrowserApp app) : IDisposable
{
    readonly LiveHost _host = Prepared();

    public void Dispose() => _host.Dispose();

    static LiveHost Prepared()
    {
        var host = new LiveHost();
        host.App.WithDb(async db =>
        {
            var konstanz = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
            konstanz.Commitments.Single().Status = CommitmentStatus.Revoked;
            konstanz.Commitments.Single().Date = "2024";
            foreach (var (slug, date) in new[] { ("bochum", "2020-03-01"), ("bern", "2021-05") })
                foreach (var commitment in (await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == slug)).Commitments)
                    commitment.Date = date;
            await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
        return host;
    }

    async Task<MapPage> Open(string query = "")
    {
        var map = new MapPage(await app.NewPage(host: _host));
        await map.Page.GotoAsync("/en" + query);
        await map.WaitUntilReady();
        return map;
    }

    [Fact]
    public async Task A_revoked_commitment_counts_nowhere_until_the_status_filter_asks_for_it()
    {
        var map = await Open();
        var seaRescue = map.Page.Locator("[data-type=sea-rescue-support] .legend__count");
        var before = int.Parse(await seaRescue.TextContentAsync() ?? "");
        await Expect(map.Page.Locator("[data-status=revoked] .legend__count")).ToHaveTextAsync("1");

        await map.Page.CheckAsync("input[name=commitment][value=sea-rescue-support]");
        await map.WaitUntilReady();
        Assert.DoesNotContain("konstanz", await map.ListedCities());
        Assert.Equal(before, (await map.ListedCities()).Length);

        await map.Page.CheckAsync("input[name=status][value=revoked]");
        await map.WaitUntilReady();
        Assert.Equal(["konstanz"], await map.ListedCities());
        Assert.Contains("status=revoked", await map.Address());
        Assert.Equal((await _host.App.GetJson("/api/cities?commitment=sea-rescue-support&status=revoked")).FeatureIds(), await map.ListedCities());

        // Its marker is hollow, never a promise's colour; its panel entry is struck through and says when.
        await Expect(map.Page.Locator(".city-marker--withdrawn")).ToHaveCountAsync(1);
        await map.ListEntry("konstanz").ClickAsync();
        await map.WaitForPanel("konstanz");
        var entry = map.Panel.Locator("[data-commitment=sea-rescue-support]");
        await Expect(entry).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("panel__commitment--withdrawn"));
        await Expect(entry).ToContainTextAsync("revoked in 2024");
    }

    [Fact]
    public async Task The_year_range_works_by_keyboard_and_lives_in_the_url()
    {
        var map = await Open();
        var to = map.Page.Locator("[data-role=year-to]");
        await to.FocusAsync();
        await map.Page.Keyboard.PressAsync("Home"); // the last year becomes the first dated one: 2020
        await map.WaitUntilReady();

        await Expect(map.Page.Locator("[data-role=years-output]")).ToHaveTextAsync("2020–2020");
        Assert.Equal(["bochum"], await map.ListedCities());
        Assert.Contains("to=2020", await map.Address());

        await map.Page.Keyboard.PressAsync("ArrowRight"); // up to 2021: Bern's May 2021 counts in its year
        await map.WaitUntilReady();
        Assert.Equal(["bern", "bochum"], await map.ListedCities());

        await map.Page.CheckAsync("[data-role=undated]");
        await map.WaitUntilReady();
        Assert.Equal((await _host.App.GetJson("/api/cities?to=2021&undated=true")).FeatureIds(), await map.ListedCities());
    }

    [Fact]
    public async Task A_shared_link_opens_the_same_filters_and_back_and_forward_step_through_them()
    {
        var map = await Open("?status=revoked,implemented&from=2020&region=Hessen&country=DE");

        await Expect(map.Page.Locator("input[name=status][value=revoked]")).ToBeCheckedAsync();
        await Expect(map.Page.Locator("input[name=status][value=implemented]")).ToBeCheckedAsync();
        await Expect(map.Page.Locator("[data-role=region]")).ToHaveValueAsync("Hessen");
        await Expect(map.Page.Locator("[data-role=year-from]")).ToHaveValueAsync("2020");
        Assert.Equal((await _host.App.GetJson("/api/cities?status=revoked,implemented&from=2020&region=Hessen&country=DE")).FeatureIds(), await map.ListedCities());

        await map.Page.ClickAsync("[data-role=reset]");
        await map.WaitUntilReady();
        Assert.Equal(11, (await map.ListedCities()).Length);
        await map.Address(); // the step to go back from is written
        await map.Page.GoBackAsync();
        await map.WaitUntilReady();
        await Expect(map.Page.Locator("[data-role=region]")).ToHaveValueAsync("Hessen");
        await Expect(map.Page.Locator("input[name=status][value=revoked]")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Choosing_a_country_offers_its_regions_with_counts()
    {
        var map = await Open();
        await map.Page.SelectOptionAsync("[data-role=country]", "CH");
        await map.WaitUntilReady();
        var regions = await map.Page.Locator("[data-role=region] option").AllTextContentsAsync();
        Assert.Equal(["All regions", "Bern (1)"], regions);
        await map.Page.SelectOptionAsync("[data-role=region]", "Bern");
        await map.WaitUntilReady();
        Assert.Equal(["bern"], await map.ListedCities());
        Assert.Contains("region=Bern", await map.Address());
    }

    [Fact]
    public async Task Playing_the_timeline_grows_the_map_year_by_year_pause_holds_it_and_the_steps_move_it()
    {
        var map = await Open();
        var year = map.Page.Locator("[data-role=timeline-year]");
        var play = map.Page.Locator("[data-role=timeline-play]");
        await Expect(map.Page.Locator("[data-role=chart] [data-year]")).ToHaveCountAsync(DateTime.UtcNow.Year - 2020 + 1);

        await play.ClickAsync();
        await Expect(play).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(year).ToHaveTextAsync("up to 2020");
        await play.ClickAsync();
        await Expect(play).ToHaveAttributeAsync("aria-pressed", "false");
        await map.WaitUntilReady();
        var held = int.Parse((await year.TextContentAsync())!["up to ".Length..]);
        Assert.Equal((await _host.App.GetJson($"/api/cities?to={held}")).FeatureIds(), await map.ListedCities());
        Assert.Contains($"to={held}", await map.Address());
        await Task.Delay(1600); // paused: no further step comes
        await Expect(year).ToHaveTextAsync($"up to {held}");

        await map.Page.ClickAsync("[data-role=timeline-forward]");
        await map.WaitUntilReady();
        await Expect(year).ToHaveTextAsync($"up to {held + 1}");
        Assert.Equal((await _host.App.GetJson($"/api/cities?to={held + 1}")).FeatureIds(), await map.ListedCities());
        await map.Page.ClickAsync("[data-role=timeline-back]");
        await map.WaitUntilReady();
        await Expect(year).ToHaveTextAsync($"up to {held}");
        Assert.Equal((await _host.App.GetJson($"/api/cities?to={held}")).FeatureIds(), await map.ListedCities());
        Assert.Contains("bochum", await map.ListedCities()); // 2020's
    }
}
