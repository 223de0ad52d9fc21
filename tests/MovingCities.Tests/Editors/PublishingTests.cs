using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.History;

namespace MovingCities.Tests.Editors;

public class PublishingTests
{
    const string Slug = "osnabrueck-und-bochum-helfen";

    static Dictionary<string, string> Draft(int version = 0, string body = "Osnabrück und Bochum unterstützen die Seenotrettung.") =>
        Posts.Fields("Osnabrück und Bochum helfen", body, slug: Slug, version: version, summary: "Zwei Städte helfen.");

    /// <summary>Every public place a post could show up in, and whether it does.</summary>
    static async Task<Dictionary<string, bool>> Visibility(TestApp app)
    {
        var client = app.CreateClient();
        async Task<bool> Contains(string path) => (await client.GetStringAsync(path)).Contains(Slug);
        var osnabrueck = (await app.GetJson("/api/cities?q=osnabr")).GetProperty("features")[0].GetProperty("properties");
        return new()
        {
            ["page"] = (await client.GetAsync($"/news/{Slug}")).StatusCode == HttpStatusCode.OK,
            ["api post"] = (await client.GetAsync($"/api/news/{Slug}")).StatusCode == HttpStatusCode.OK,
            ["news page"] = await Contains("/news"),
            ["api list"] = await Contains("/api/news"),
            ["feed"] = await Contains("/news.atom"),
            ["city feed"] = await Contains("/cities/osnabrueck/news.atom"),
            ["sitemap"] = await Contains("/sitemap.xml"),
            ["city page"] = await Contains("/cities/osnabrueck"),
            ["city api"] = await Contains("/api/cities/osnabrueck"),
            ["layer count"] = osnabrueck.GetProperty("newsCount").GetInt32() == 2,
        };
    }

    [Fact]
    public async Task A_draft_is_invisible_to_the_public_and_publishing_shows_it_everywhere_at_once()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var etagBefore = (await app.Get("/api/cities")).Headers.ETag!.Tag;

        var id = await Posts.Create(editor, Draft(), ["osnabrueck", "bochum"]);
        Assert.All(await Visibility(app), place => Assert.False(place.Value, $"the draft shows in: {place.Key}"));
        var preview = await editor.Page($"/admin/posts/{id}/preview");
        Assert.Contains("Osnabrück und Bochum helfen", preview.QuerySelector("h1")!.TextContent);
        Assert.NotNull(preview.QuerySelector("[data-role=tagged-cities] a[data-city=bochum]"));
        Assert.Contains($"/admin/posts/{id}", (await editor.Page("/admin")).QuerySelector("[data-role=drafts]")!.InnerHtml);

        var published = await Posts.Save(editor, id, "Publish", Draft(version: 1), "osnabrueck", "bochum");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.All(await Visibility(app), place => Assert.True(place.Value, $"the published post is missing from: {place.Key}"));
        Assert.NotEqual(etagBefore, (await app.Get("/api/cities")).Headers.ETag!.Tag);

        var unpublished = await Posts.Save(editor, id, "Unpublish", Draft(version: 2), "osnabrueck", "bochum");
        Assert.Equal(HttpStatusCode.Redirect, unpublished.StatusCode);
        Assert.All(await Visibility(app), place => Assert.False(place.Value, $"the unpublished post still shows in: {place.Key}"));
    }

    [Fact]
    public async Task A_post_names_its_translation_only_when_that_is_another_post_in_the_other_language()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        const string german = "tageskonferenz-kommunen-als-sichere-haefen";
        async Task<string?> Refusal(string translation, string language)
        {
            var fields = Posts.Fields("Conference day on safe harbours", "Text.", slug: "conference-day", language: language);
            fields["Input.Translation"] = translation;
            var response = await editor.PostForm("/admin/posts?handler=Save", fields, "/admin/posts");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Equal(translation, page.QuerySelector("input[name='Input.Translation']")!.GetAttribute("value"));
            return page.QuerySelector("[data-valmsg-for='Input.Translation']")?.TextContent;
        }

        Assert.Contains("There is no post /news/atlantis", await Refusal("atlantis", "en"));
        Assert.Contains("same language", await Refusal(german, "de"));
        Assert.Contains("this post", await Refusal("conference-day", "en"));

        var withTranslation = Posts.Fields("Conference day on safe harbours", "Text.", slug: "conference-day", language: "en");
        withTranslation["Input.Translation"] = german;
        var id = await Posts.Create(editor, withTranslation, ["bochum"], publish: true);

        Assert.Equal(german, await app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.TranslationSlug).SingleAsync()));
        Assert.Equal(german, (await editor.Page($"/admin/posts/{id}")).QuerySelector("input[name='Input.Translation']")!.GetAttribute("value"));
        var english = await app.GetJson("/api/news/conference-day");
        Assert.Equal(("en", german), (english.GetProperty("language").GetString(), english.GetProperty("translation").GetString()));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await (await app.Get("/en/news/conference-day")).Content.ReadAsStringAsync());
        Assert.Equal($"/en/news/{german}", page.QuerySelector("[data-role=translation]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Saving_over_a_newer_version_is_refused_with_both_texts_and_loses_nothing()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var bob = await Editor.SignIn(app, "bob@example.org");
        var id = await Posts.Create(alice, Draft(), ["osnabrueck"]);

        // Both opened version 1; Alice saves first.
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(alice, id, "Save", Draft(1, "Alice's text"), "osnabrueck")).StatusCode);
        var refused = await Posts.Save(bob, id, "Save", Draft(1, "Bob's text"), "osnabrueck");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Contains("changed meanwhile", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Alice's text", page.QuerySelector("[data-role=their-text]")!.TextContent);
        Assert.Equal("Bob's text", page.QuerySelector("[data-role=your-text]")!.TextContent);
        Assert.Equal("Bob's text", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Alice's text", await app.WithDb(db => Task.FromResult(db.NewsPosts.Single(p => p.Id == id).Body)));

        // Having seen Alice's version, Bob may save deliberately.
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(bob, id, "Save", Draft(2, "Bob's text, after reading Alice's"), "osnabrueck")).StatusCode);
    }

    [Fact]
    public async Task Every_change_is_recorded_with_who_and_before_after_and_a_past_version_can_be_restored()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Draft(body: "First text"), ["osnabrueck"]);
        // The title names Bochum too: published deliberately without it (the editor's desk asks before publishing).
        var withoutBochum = Draft(1, "First text");
        withoutBochum["publishWithout"] = "bochum";
        await Posts.Save(editor, id, "Publish", withoutBochum, "osnabrueck");
        await Posts.Save(editor, id, "Save", Draft(2, "Second text"), "osnabrueck", "bochum");

        var changes = await app.WithDb(db => Task.FromResult(db.Changes.Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id).OrderBy(c => c.Id).ToList()));
        Assert.Equal(["created", "published", "updated"], changes.Select(c => c.Action));
        Assert.All(changes, c => Assert.Equal("editor@example.org", c.Editor));
        Assert.Null(changes[0].Before);
        Assert.Contains("First text", changes[2].Before);
        Assert.Contains("Second text", changes[2].After);
        var history = await editor.Page($"/admin/posts/{id}/history");
        Assert.Equal(3, history.QuerySelectorAll("[data-role=history] > li").Length);

        var restore = await editor.PostForm($"/admin/posts/{id}/history?handler=Restore", RestoreForm(history, changes[1].Id),
            $"/admin/posts/{id}/history");

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var post = await app.GetJson($"/api/news/{Slug}");
        Assert.Contains("First text", post.GetProperty("html").GetString());
        Assert.Equal(["osnabrueck"], post.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
        Assert.Equal("restored", await app.WithDb(db => Task.FromResult(db.Changes.OrderBy(c => c.Id).Last().Action)));
    }

    /// <summary>The fields of a change's restore form as the history page rendered them.</summary>
    static Dictionary<string, string> RestoreForm(AngleSharp.Html.Dom.IHtmlDocument history, int changeId) =>
        history.QuerySelectorAll($"[data-change='{changeId}'] form input[type=hidden]")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

    [Fact]
    public async Task A_restore_clicked_on_a_history_page_older_than_the_post_is_refused_with_409_and_overwrites_nothing()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var other = await Editor.SignIn(app, "other@example.org");
        var id = await Posts.Create(editor, Draft(body: "First text"), []);
        await Posts.Save(editor, id, "Save", Draft(1, "Second text"));
        var first = await app.WithDb(db => db.Changes.Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id).MinAsync(c => c.Id));
        var history = await editor.Page($"/admin/posts/{id}/history");
        var restoreForm = RestoreForm(history, first);
        Assert.Equal("2", restoreForm["version"]);

        // Meanwhile someone else saves an edit.
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(other, id, "Save", Draft(2, "Edited meanwhile"))).StatusCode);
        var changesBefore = await app.WithDb(db => db.Changes.CountAsync());

        var restore = await editor.PostForm($"/admin/posts/{id}/history?handler=Restore", restoreForm, $"/admin/posts/{id}/history");

        Assert.Equal(HttpStatusCode.Conflict, restore.StatusCode);
        var page = new HtmlParser().ParseDocument(await restore.Content.ReadAsStringAsync());
        var alert = page.QuerySelector("[role=alert]")!;
        Assert.Contains("changed meanwhile", alert.TextContent);
        Assert.Contains("other@example.org", alert.TextContent);
        Assert.Equal("Edited meanwhile", alert.QuerySelector("[data-role=their-text]")!.TextContent);
        Assert.Equal("First text", alert.QuerySelector("[data-role=your-text]")!.TextContent);
        Assert.Equal("Edited meanwhile", await app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.Body).SingleAsync()));
        Assert.Equal(changesBefore, await app.WithDb(db => db.Changes.CountAsync()));
        // The page now lists the change made meanwhile, and its restore forms carry the version it shows.
        Assert.Equal(3, page.QuerySelectorAll("[data-role=history] > li").Length);
        Assert.Equal("3", RestoreForm(page, first)["version"]);
    }

    [Fact]
    public async Task Bad_input_gets_clear_errors_and_saves_nothing()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var fields = Posts.Fields("", "text", slug: "Not A Slug", source: "javascript:alert(1)");

        var response = await editor.PostForm("/admin/posts?handler=Save", fields, "/admin/posts",
            [new("Input.Cities", "atlantis")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())
            .QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("Title field is required", errors);
        Assert.Contains("single hyphens", errors);
        Assert.Contains("There is no city 'atlantis'", errors);
        Assert.Contains("http(s)", errors);
        Assert.Equal(1, await app.WithDb(db => Task.FromResult(db.NewsPosts.Count()))); // the seeded post only
    }
}
