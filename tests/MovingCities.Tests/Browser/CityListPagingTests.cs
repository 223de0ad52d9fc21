using Microsoft.Playwright;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>The map's list shows a page of cities at a time (wwwroot/js/list.js) and still reaches every one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CityListPagingTests(BrowserApp app) : IDisposable
{
    const int Added = 60;

    // Adds cities, so it runs on a host of its own.
    readonly LiveHost _host = Prepared();

    public void Dispose() => _host.Dispose();

    /// <summary>The fixture's cities and <see cref="Added"/> more ("Zeilenort 01" …), spread over southern Germany.</summary>
    static LiveHost Prepared()
    {
        var host = new LiveHost();
        host.App.WithDb(async db =>
        {
            for (var i = 1; i <= Added; i++)
            {
                var city = new City { Slug = $"zeilenort-{i:00}", Name = $"Zeilenort {i:00}", Country = "DE", Version = 1 };
                city.MoveTo(8 + i % 10 * 0.3, 47.8 + i / 10 * 0.3);
                db.Cities.Add(city);
            }
            await db.SaveChangesAsync();
        }).GetAwaiter().GetResult();
        return host;
    }

    [Fact]
    public async Task The_list_shows_fifty_then_the_rest_on_request_and_a_city_beyond_the_first_page_is_paged_to_when_opened()
    {
        var total = (await _host.App.GetJson("/api/cities")).FeatureIds().Length;
        Assert.True(total > 50 + 1, $"{total} cities: too few to page");
        var page = await app.NewPage(host: _host);
        var map = new MapPage(page);
        await page.GotoAsync("/de");
        await map.WaitUntilReady();

        Assert.Equal(50, (await map.ListedCities()).Length);
        var more = page.Locator("#city-list-more");
        await Expect(more).ToHaveTextAsync($"{total - 50} weitere von {total - 50} zeigen");
        await more.ClickAsync();
        Assert.Equal(total, (await map.ListedCities()).Length);
        await Expect(more).ToBeHiddenAsync();

        // Zeilenort 60 stands after the first 50 in name order: opening it from the address pages the list to it.
        await page.GotoAsync("/en?city=zeilenort-60");
        await map.WaitUntilReady();
        await map.WaitForPanel("zeilenort-60");
        await Expect(page.Locator("#city-list [data-city=zeilenort-60]")).ToHaveAttributeAsync("aria-current", "true");
        Assert.Equal(total, (await map.ListedCities()).Length);
        await Expect(more).ToBeHiddenAsync();
    }
}
