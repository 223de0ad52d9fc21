using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.News;

namespace MovingCities.Tests.Editors;

/// <summary>Texts too long for a post: a clear answer naming the limit, the typed text kept where the page can keep it.</summary>
public class PostSizeLimitTests
{
    static Task<string> StoredBody(TestApp app, int id) => app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.Body).SingleAsync());

    [Fact]
    public async Task A_text_over_the_length_limit_is_shown_again_with_a_message_naming_the_limit_and_not_saved()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Posts.Fields("Lang", "Kurz", slug: "lang"), ["osnabrueck"]);
        var tooLong = "Osnabrück hilft. " + new string('x', PostLimits.MaxTextCharacters);

        var response = await Posts.Save(editor, id, "Save", Posts.Fields("Lang", tooLong, slug: "lang", version: 1), "osnabrueck");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal(tooLong, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.TrimStart('\n', '\r'));
        var message = page.QuerySelector("[data-valmsg-for='Input.Body']")!.TextContent;
        Assert.Contains("200,000 characters", message);
        Assert.Contains($"{tooLong.Length:N0}", message);
        Assert.Equal("Kurz", await StoredBody(app, id));
    }

    [Fact]
    public async Task A_text_at_the_length_limit_fits_the_request_limit_even_in_a_non_latin_script()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Posts.Fields("Lang", "Kurz", slug: "lang"), ["osnabrueck"]);
        // Three UTF-8 bytes each, nine once form-encoded: the most a character of the limit can cost.
        var longest = new string('中', PostLimits.MaxTextCharacters);

        var response = await Posts.Save(editor, id, "Save", Posts.Fields("Lang", longest, slug: "lang", version: 1), "osnabrueck");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(longest, await StoredBody(app, id));
    }

    [Fact]
    public async Task A_form_over_the_request_limit_gets_413_and_a_page_saying_the_limit_and_that_nothing_was_saved()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await Posts.Create(editor, Posts.Fields("Riesig", "Entwurf", slug: "riesig"), ["osnabrueck"]);
        var fiveMegabytes = new string('x', 5 * 1024 * 1024);

        var response = await Posts.Save(editor, id, "Save", Posts.Fields("Riesig", fiveMegabytes, slug: "riesig", version: 1), "osnabrueck");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var text = page.QuerySelector("main")?.TextContent ?? "";
        Assert.Contains("too large", text);
        Assert.Contains("200,000 characters", text);
        Assert.Contains("MB", text);
        Assert.Contains("Nothing was saved", text);
        Assert.Equal("Entwurf", await StoredBody(app, id));
    }
}
