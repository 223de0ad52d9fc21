using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Editors;
using static Microsoft.Playwright.Assertions;

namespace MovingCities.Tests.Browser;

/// <summary>
/// Writes (an editor account, a published post), so each test runs on a host of its own with its own database,
/// not on the browser tests' shared read-only host: the map tests never see this post, whatever the order.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorFlowTests(BrowserApp app) : IDisposable
{
    readonly LiveHost _host = new();

    public void Dispose() => _host.Dispose();

    const string Title = "Bochum und Regensburg: Geld für ein Rettungsschiff";
    const string Slug = "bochum-und-regensburg-geld-fuer-ein-rettungsschiff"; // as the server would make it

    [Fact]
    public async Task An_editor_writes_a_post_accepts_the_suggested_cities_previews_publishes_and_finds_it_on_the_map_and_city_pages()
    {
        await using (var scope = _host.App.Services.CreateAsyncScope())
            Assert.Empty(await EditorAccounts.CreateAsync(scope.ServiceProvider, "browser-editor@example.org", Editor.Password, admin: false));
        var page = await app.NewPage(bypassCsp: true, host: _host); // bypassing CSP to inject axe-core into the editor page below

        await page.GotoAsync("/admin");
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#Input_Email", "browser-editor@example.org");
        await page.FillAsync("#Input_Password", Editor.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/admin");

        await page.ClickAsync("text=New post");
        await page.WaitForSelectorAsync("#post-form[data-ready]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await page.FillAsync("[data-role=title]", Title);
        Assert.Equal(Slug, MovingCities.Web.Text.Slug.From(Title)); // the page's slug and the server's agree
        await Expect(page.Locator("[data-role=slug]")).ToHaveValueAsync(Slug);
        await page.FillAsync("[data-role=body]",
            "Die Bochumer Ratsmehrheit und der Regensburger Stadtrat geben gemeinsam Geld für die zivile Seenotrettung. Auch Wuppertal prüft das.");

        await Expect(page.Locator("[data-suggested-city=regensburg]")).ToBeVisibleAsync();
        // A place not yet on the map is offered for adding, prefilled from the gazetteer.
        await Expect(page.Locator("[data-suggested-place=Wuppertal] a")).ToHaveAttributeAsync("href", "/admin/cities/new?name=Wuppertal&country=DE");
        await page.Locator("[data-role=tag-field]").ScrollIntoViewIfNeededAsync();
        await new MapPage(page).Screenshot("editor-suggestions");
        await page.AddScriptTagAsync(new() { Path = Path.Combine(TestApp.RepoRoot, "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<string[]>(
            "async () => (await axe.run(document)).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        Assert.True(violations.Length == 0, "axe on the post editor: " + string.Join("; ", violations));
        foreach (var slug in new[] { "bochum", "regensburg" })
        {
            var suggestion = page.Locator($"[data-suggested-city={slug}]");
            await Expect(suggestion).ToBeVisibleAsync();
            // The whole suggestion is the button: a click on its matched words accepts it too.
            await suggestion.Locator(".suggestion__words").First.ClickAsync();
            await Expect(page.Locator($"[data-role=tags] [data-city={slug}]")).ToBeVisibleAsync();
            await Expect(suggestion).ToHaveCountAsync(0); // accepted suggestions leave the list
        }
        // Dismissing is one key (Delete on the suggestion) or one click (its × button).
        await page.Locator("[data-suggested-place=Wuppertal] [data-role=accept-suggestion]").FocusAsync();
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator("[data-suggested-place=Wuppertal]")).ToHaveCountAsync(0);

        // The "Add a city" combobox by keyboard alone: arrow to an option, Enter tags it (not submitting the
        // form), Escape closes the options; the chip's remove button takes the city off again.
        await page.FillAsync("#tag-input", "konst");
        var konstanz = page.Locator("#tag-options [role=option][data-city=konstanz]");
        await Expect(konstanz).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("#tag-input")).ToHaveAttributeAsync("aria-activedescendant", await konstanz.GetAttributeAsync("id") ?? "");
        await Expect(konstanz).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("[data-role=tags] [data-city=konstanz]")).ToBeVisibleAsync();
        await Expect(page.Locator("#tag-input")).ToHaveValueAsync("");
        await Expect(page.Locator("#tag-options")).ToBeHiddenAsync();
        await Expect(page.Locator("#tag-input")).ToHaveAttributeAsync("aria-expanded", "false");
        await page.FillAsync("#tag-input", "hann");
        await Expect(page.Locator("#tag-options [data-city=hannover]")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#tag-options")).ToBeHiddenAsync();
        await page.FillAsync("#tag-input", "");
        await page.Locator("[data-role=tags] [data-city=konstanz] [data-role=remove-tag]").ClickAsync();
        await Expect(page.Locator("[data-role=tags] [data-city]")).ToHaveCountAsync(2);

        await page.ClickAsync("button:has-text('Save draft')");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Saved.");
        await page.ClickAsync("a:has-text('Preview')");
        await Expect(page.Locator("[data-role=preview-banner]")).ToContainTextAsync("draft, not public");
        await Expect(page.Locator("article h1")).ToHaveTextAsync(Title);
        await Expect(page.Locator("[data-role=tagged-cities] a")).ToHaveCountAsync(2);
        await page.GoBackAsync();
        await page.ClickAsync("button:has-text('Publish')");
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("Published");

        foreach (var slug in new[] { "bochum", "regensburg" })
        {
            var map = new MapPage(page);
            await page.GotoAsync($"/en?city={slug}");
            await map.WaitForPanel(slug);
            await Expect(map.Panel.Locator($"a:has-text('{Title}')")).ToHaveAttributeAsync("href", $"/en/news/{Slug}");

            await page.GotoAsync($"/de/cities/{slug}");
            await Expect(page.Locator("[data-role=news]")).ToContainTextAsync(Title);
        }
        await new MapPage(page).Screenshot("editor-published");
    }
}
