using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.History;
using MovingCities.Web.News;

namespace MovingCities.Tests.Editors;

/// <summary>
/// The editor's desk around the tag suggester (issue 19): publishing asks about mentioned cities that are not tagged,
/// forms show an error list only with errors, the history shows what changed field by field, unsaved changes can be
/// previewed, and times are the editors' time zone.
/// </summary>
public class EditorDeskTests
{
    const string Slug = "spenden-fuer-die-seenotrettung";
    const string Body = "Bochumer Initiativen sammeln Spenden für die Seenotrettung, auch in Regensburg wird geholfen.";

    static Dictionary<string, string> Fields(int version = 0, string body = Body) =>
        Posts.Fields("Spenden für die Seenotrettung", body, slug: Slug, version: version, summary: "Initiativen sammeln.");

    static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    static async Task<IHtmlDocument> Parse(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    static Task<NewsPost> Saved(TestApp app, int id) =>
        app.WithDb(db => db.NewsPosts.AsNoTracking().Include(p => p.Cities).SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Publishing_a_post_that_mentions_untagged_cities_is_held_naming_them_until_the_editor_tags_them_or_confirms()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Fields(), []);

        // Publish: held, nothing saved, the form again with the cities named and the words that matched.
        var held = await Posts.Save(editor, id, "Publish", Fields(1));
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var page = await Parse(held);
        var notice = page.QuerySelector("[data-role=untagged-cities]")!;
        Assert.Equal("alert", notice.GetAttribute("role"));
        Assert.Contains("Not published yet", notice.TextContent);
        Assert.Equal(["bochum", "regensburg"], notice.QuerySelectorAll("li[data-city]").Select(li => li.GetAttribute("data-city")));
        Assert.Contains("Bochum", notice.TextContent);
        Assert.Contains("“Bochumer”", notice.TextContent);
        Assert.Contains("Regensburg", notice.TextContent);
        Assert.Equal(Body, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#post-form input[name=__RequestVerificationToken]"));
        var (post, changes) = (await Saved(app, id), await app.WithDb(db => db.Changes.CountAsync()));
        Assert.Equal((NewsStatus.Draft, 1), (post.Status, post.Version));

        // The notice's two buttons belong to the form and repeat the handler.
        var tagButton = notice.QuerySelector("button[data-role=tag-and-publish]")!;
        var withoutButton = notice.QuerySelector("button[data-role=publish-without]")!;
        Assert.Equal(("alsoTag", "bochum regensburg"), (tagButton.GetAttribute("name"), tagButton.GetAttribute("value")));
        Assert.Equal(("publishWithout", "bochum regensburg"), (withoutButton.GetAttribute("name"), withoutButton.GetAttribute("value")));
        Assert.Contains("handler=Publish", tagButton.GetAttribute("formaction"));
        Assert.Equal("Tag Bochum, Regensburg and publish", tagButton.TextContent.Trim());
        Assert.Equal("post-form", tagButton.Closest("form")!.Id);

        // "Tag and publish" tags them and publishes.
        var tagFields = Fields(1);
        tagFields["alsoTag"] = "bochum regensburg";
        var tagged = await Posts.Save(editor, id, "Publish", tagFields);
        Assert.Equal(HttpStatusCode.Redirect, tagged.StatusCode);
        post = await Saved(app, id);
        Assert.Equal(NewsStatus.Published, post.Status);
        Assert.Equal(["bochum", "regensburg"], post.Cities.Select(c => c.Slug).Order());
        Assert.Equal(changes + 1, await app.WithDb(db => db.Changes.CountAsync()));

        // Another post, published without them after an explicit confirmation naming them.
        var other = await Posts.Create(editor, Posts.Fields("Noch ein Beitrag", Body, slug: "noch-ein-beitrag"), []);
        var partly = Posts.Fields("Noch ein Beitrag", Body, slug: "noch-ein-beitrag", version: 1);
        partly["publishWithout"] = "bochum"; // confirmed for Bochum only: Regensburg is still asked about
        var stillHeld = await Parse(await Posts.Save(editor, other, "Publish", partly));
        Assert.Equal(["regensburg"], stillHeld.QuerySelectorAll("[data-role=untagged-cities] li[data-city]").Select(li => li.GetAttribute("data-city")));
        var without = Posts.Fields("Noch ein Beitrag", Body, slug: "noch-ein-beitrag", version: 1);
        without["publishWithout"] = "bochum regensburg";
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, other, "Publish", without)).StatusCode);
        post = await Saved(app, other);
        Assert.Equal(NewsStatus.Published, post.Status);
        Assert.Empty(post.Cities);

        // Saving the published post again asks only about cities it newly mentions.
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, other, "Save", Posts.Fields("Noch ein Beitrag", Body + " Danke!", slug: "noch-ein-beitrag", version: 2))).StatusCode);
        var newMention = await Posts.Save(editor, other, "Save", Posts.Fields("Noch ein Beitrag", Body + " Auch Konstanz hilft.", slug: "noch-ein-beitrag", version: 3));
        var saveNotice = (await Parse(newMention)).QuerySelector("[data-role=untagged-cities]")!;
        Assert.Contains("Not saved yet", saveNotice.TextContent);
        Assert.Equal(["konstanz"], saveNotice.QuerySelectorAll("li[data-city]").Select(li => li.GetAttribute("data-city")));
        Assert.Contains("handler=Save", saveNotice.QuerySelector("button[data-role=tag-and-publish]")!.GetAttribute("formaction"));
        Assert.DoesNotContain("Konstanz", (await Saved(app, other)).Body);

        // A tagged city mentioned, or a draft saved, never asks.
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, id, "Save", Fields(2, Body + " Mehr dazu bald."), "bochum", "regensburg")).StatusCode);
    }

    [Fact]
    public async Task Editor_forms_and_sign_in_have_no_error_summary_element_without_errors_and_no_inline_style()
    {
        using var app = new TestApp();
        var anonymous = Editor.Anonymous(app);
        var login = await anonymous.Page("/account/login");
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Posts.Fields("Ein Beitrag", "Über Konstanz.", slug: "ein-beitrag"), ["konstanz"]);
        var city = await app.WithDb(db => db.Cities.Where(c => c.Slug == "konstanz").Select(c => c.Id).SingleAsync());
        var pages = new List<(string, IHtmlDocument)> { ("/account/login", login) };
        foreach (var path in new[] { "/admin/posts", $"/admin/posts/{id}", "/admin/cities/new?name=Frankfurt", $"/admin/cities/{city}" })
            pages.Add((path, await editor.Page(path)));

        foreach (var (path, page) in pages)
        {
            Assert.True(page.QuerySelector("[data-valmsg-summary], .validation-summary-valid, .validation-summary-errors, [data-role=error-summary]") is null, $"{path} has an error summary without errors");
            Assert.True(page.QuerySelector("[style]") is null, $"{path} has an inline style, which the CSP blocks: {page.QuerySelector("[style]")?.OuterHtml}");
        }

        // With errors, the list is there, without inline style.
        var refused = await Parse(await editor.PostForm("/admin/posts?handler=Save", Posts.Fields("", "Text", slug: "ohne-titel"), "/admin/posts"));
        var summary = refused.QuerySelector("[data-role=error-summary]")!;
        Assert.Contains("Title field is required", summary.TextContent);
        Assert.Null(refused.QuerySelector("[style]"));
    }

    [Fact]
    public async Task The_history_shows_each_change_field_by_field_with_cities_added_and_removed_and_the_changed_words()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Fields(body: "Der Rat hat heute beschlossen, Geld zu geben."), ["bochum"]);
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, id, "Save", Fields(1, "Der Rat hat gestern beschlossen, viel Geld zu geben."), "regensburg")).StatusCode);

        var history = await editor.Page($"/admin/posts/{id}/history");
        var latest = history.QuerySelector("[data-role=history] > li")!;
        var diff = latest.QuerySelector("[data-role=diff]")!;
        Assert.Equal("Regensburg", diff.QuerySelector("[data-role=cities-added] ins[data-city=regensburg]")!.TextContent);
        Assert.Equal("Bochum", diff.QuerySelector("[data-role=cities-removed] del[data-city=bochum]")!.TextContent);
        var body = diff.QuerySelector("dd[data-field=body]")!;
        Assert.Equal(["heute"], body.QuerySelectorAll("del").Select(e => e.TextContent.Trim()));
        Assert.Equal(["gestern", "viel"], body.QuerySelectorAll("ins").Select(e => e.TextContent.Trim()));
        // Exactly the texts' own characters, nothing the template adds (the diff keeps white space as written).
        Assert.Equal("Der Rat hat heutegestern beschlossen, viel Geld zu geben.", body.QuerySelector(".word-diff")!.TextContent);
        Assert.Null(diff.QuerySelector("dd[data-field=title]")); // unchanged fields are not listed
        // The raw JSON is still there, behind a toggle.
        var raw = latest.QuerySelector("details pre")!;
        Assert.Contains("heute", raw.TextContent);
        Assert.Null(latest.QuerySelector("details")!.GetAttribute("open"));

        // Publishing shows as a change of state.
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, id, "Publish", Fields(2, "Der Rat hat gestern beschlossen, viel Geld zu geben."), "regensburg")).StatusCode);
        var published = (await editor.Page($"/admin/posts/{id}/history")).QuerySelector("[data-role=history] > li dd[data-field=status]")!;
        Assert.Equal(("Draft", "Published"), (published.QuerySelector("del")!.TextContent, published.QuerySelector("ins")!.TextContent));
    }

    [Fact]
    public async Task Changes_to_a_published_post_can_be_previewed_in_the_public_layout_before_they_go_live()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Fields(body: "Die alte Fassung über Bochum."), ["bochum"], publish: true);
        var form = await editor.Page($"/admin/posts/{id}");
        var button = form.QuerySelector("#post-form button[data-role=preview-changes]")!;
        Assert.Equal($"/admin/posts/{id}/preview", button.GetAttribute("formaction"));

        var changed = Fields(1, "Die **neue** Fassung über Bochum und Regensburg.");
        changed["Input.Title"] = "Ein neuer Titel";
        var preview = await editor.PostForm($"/admin/posts/{id}/preview", changed, $"/admin/posts/{id}",
            [new("Input.Cities", "bochum"), new("Input.Cities", "regensburg")]);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await Parse(preview);
        Assert.Equal("Ein neuer Titel", page.QuerySelector("article h1")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("article strong"), e => e.TextContent == "neue");
        Assert.Equal(2, page.QuerySelectorAll("[data-role=tagged-cities] a").Length);
        Assert.Contains("unsaved changes", page.QuerySelector("[data-role=preview-banner]")!.TextContent);

        // Nothing saved: the public page and the saved preview still show the published version.
        var publicPage = await app.CreateClient().GetStringAsync($"/en/news/{Slug}");
        Assert.Contains("alte Fassung", publicPage);
        Assert.DoesNotContain("neue", publicPage);
        Assert.Contains("alte Fassung", (await editor.Page($"/admin/posts/{id}/preview")).QuerySelector("article")!.TextContent);
        var post = await Saved(app, id);
        Assert.Equal((1, "Die alte Fassung über Bochum."), (post.Version, post.Body));

        // The preview is a form post: it wants the antiforgery token like any other.
        var forged = await editor.Client.PostAsync($"/admin/posts/{id}/preview", new FormUrlEncodedContent(changed));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Times_in_the_editor_area_are_shown_in_Europe_Berlin_as_each_language_writes_them()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Fields(body: "Text."), []);
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, id, "Save", Fields(1, "Text, zweite Fassung."))).StatusCode);
        await app.WithDb(async db =>
        {
            var changes = await db.Changes.Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id).OrderBy(c => c.Id).ToListAsync();
            changes[0].AtUtc = new DateTime(2026, 11, 30, 14, 5, 9, DateTimeKind.Utc); // winter: UTC+1
            changes[1].AtUtc = new DateTime(2026, 7, 1, 22, 30, 0, DateTimeKind.Utc); // summer: UTC+2, the next day in Berlin
            await db.SaveChangesAsync();
        });

        var history = (await editor.Page($"/admin/posts/{id}/history")).QuerySelectorAll("[data-role=history] > li h2").Select(h => h.TextContent).ToList();
        Assert.Contains("2 July 2026, 00:30:00", history[0]);
        Assert.Contains("30 November 2026, 15:05:09", history[1]);
        Assert.Contains("Europe/Berlin", (await editor.Page($"/admin/posts/{id}/history")).QuerySelector("[data-role=time-zone]")!.TextContent);
        Assert.Contains("2 July 2026, 00:30", (await editor.Page("/admin")).QuerySelector("[data-role=recent-changes]")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync("/language/de?back=/admin")).StatusCode);
        var german = await editor.Page($"/admin/posts/{id}/history");
        Assert.Contains("2. Juli 2026, 00:30:00 Uhr", german.QuerySelector("[data-role=history] > li h2")!.TextContent);

        // Another zone, set as the option says.
        using var london = new TestApp().WithWebHostBuilder(b => b.UseSetting("Editors:TimeZone", "Europe/London"));
        var time = (Web.Editors.EditorTime)london.Services.GetService(typeof(Web.Editors.EditorTime))!;
        Assert.Equal("1 July 2026, 23:30", time.When(new DateTime(2026, 7, 1, 22, 30, 0, DateTimeKind.Utc), "en"));
    }
}
