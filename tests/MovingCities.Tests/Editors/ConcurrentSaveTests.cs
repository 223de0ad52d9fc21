using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using MovingCities.Web.History;
using MovingCities.Web.News;

namespace MovingCities.Tests.Editors;

/// <summary>
/// Two editors pressing save on the same version at the same instant: one wins, the other gets the same 409 as
/// someone who saves over a version that is already stored.
/// </summary>
public class ConcurrentSaveTests
{
    const int Rounds = 20;

    /// <summary>Posts a form with a token fetched beforehand, so the posts themselves can start together.</summary>
    static async Task<Func<Task<HttpResponseMessage>>> Prepared(Editor editor, string path, Dictionary<string, string> fields, string formPage,
        IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var token = await editor.Token(formPage);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)).Concat(repeated ?? []));
        return () => editor.Client.PostAsync(path, content);
    }

    /// <summary>
    /// One round: Alice and Bob each save their text from the same version at once; exactly one is stored.
    /// </summary>
    /// <param name="prepare">The save of an editor's text, prepared: (alice?, text) → the post to send.</param>
    static async Task<(string WinnerText, HttpResponseMessage Loser, string LoserText)> Race(
        int round, Func<bool, string, Task<Func<Task<HttpResponseMessage>>>> prepare)
    {
        var aliceText = $"Alice, round {round}";
        var bobText = $"Bob, round {round}";
        var (alice, bob) = (await prepare(true, aliceText), await prepare(false, bobText));
        var answers = await Task.WhenAll(Task.Run(alice), Task.Run(bob));
        var (fromAlice, fromBob) = (answers[0], answers[1]);

        var statuses = new[] { fromAlice.StatusCode, fromBob.StatusCode };
        Assert.True(statuses.Order().SequenceEqual([HttpStatusCode.Redirect, HttpStatusCode.Conflict]),
            $"round {round}: {string.Join(", ", statuses)} (expected one redirect and one 409)");
        return fromAlice.StatusCode == HttpStatusCode.Redirect ? (aliceText, fromBob, bobText) : (bobText, fromAlice, aliceText);
    }

    [Fact]
    public async Task Saving_a_post_at_the_same_instant_refuses_one_with_409_showing_both_texts_and_records_only_the_winner()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var bob = await Editor.SignIn(app, "bob@example.org");
        var id = await Posts.Create(alice, Posts.Fields("Gleichzeitig", "Start", slug: "gleichzeitig"), ["osnabrueck"]);
        var path = $"/admin/posts/{id}?handler=Save";
        var tags = new KeyValuePair<string, string>[] { new("Input.Cities", "osnabrueck") };

        for (var round = 0; round < Rounds; round++)
        {
            var version = await app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
            var changesBefore = await app.WithDb(db => db.Changes.CountAsync(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id));
            var (winnerText, loser, loserText) = await Race(round, (isAlice, text) =>
                Prepared(isAlice ? alice : bob, path, Posts.Fields("Gleichzeitig", text, slug: "gleichzeitig", version: version), $"/admin/posts/{id}", tags));

            var page = new HtmlParser().ParseDocument(await loser.Content.ReadAsStringAsync());
            Assert.Contains("changed meanwhile", page.QuerySelector("[role=alert]")!.TextContent);
            Assert.Equal(winnerText, page.QuerySelector("[data-role=their-text]")!.TextContent);
            Assert.Equal(loserText, page.QuerySelector("[data-role=your-text]")!.TextContent);
            Assert.Equal(loserText, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
            Assert.Equal((version + 1).ToString(CultureInfo.InvariantCulture), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));

            var changes = await app.WithDb(db => db.Changes.Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id)
                .OrderBy(c => c.Id).Skip(changesBefore).ToListAsync());
            var change = Assert.Single(changes);
            Assert.Contains(winnerText, change.After);
            Assert.Equal(winnerText, await app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.Body).SingleAsync()));
        }
    }

    [Fact]
    public async Task Saving_a_city_at_the_same_instant_refuses_one_with_409_and_records_only_the_winner()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var bob = await Editor.SignIn(app, "bob@example.org");
        var id = await app.WithDb(db => db.Cities.Where(c => c.Slug == "hanau").Select(c => c.Id).SingleAsync());
        var formPage = $"/admin/cities/{id}";
        Dictionary<string, string> City(string description, int version) => new()
        {
            ["Input.Name"] = "Hanau", ["Input.Country"] = "DE", ["Input.Region"] = "Hessen", ["Input.DescriptionEn"] = description,
            ["Input.Latitude"] = "50.13423", ["Input.Longitude"] = "8.91418", ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.ConfirmFar"] = "true",
        };

        for (var round = 0; round < Rounds; round++)
        {
            var version = await app.WithDb(db => db.Cities.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
            var changesBefore = await app.WithDb(db => db.Changes.CountAsync(c => c.Subject == ChangeSubjects.City && c.SubjectId == id));
            var (winnerText, loser, loserText) = await Race(round, (isAlice, text) =>
                Prepared(isAlice ? alice : bob, $"{formPage}?handler=SaveCity", City(text, version), formPage));

            var page = new HtmlParser().ParseDocument(await loser.Content.ReadAsStringAsync());
            Assert.Contains("changed meanwhile", page.QuerySelector("[role=alert]")!.TextContent);
            Assert.Contains(winnerText, page.QuerySelector("[role=alert]")!.TextContent);
            Assert.Equal(loserText, page.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim());

            var changes = await app.WithDb(db => db.Changes.Where(c => c.Subject == ChangeSubjects.City && c.SubjectId == id)
                .OrderBy(c => c.Id).Skip(changesBefore).ToListAsync());
            Assert.Contains(winnerText, Assert.Single(changes).After);
        }
    }

    // The race made certain: another save commits after this request's version check and before its write, so
    // only the UPDATE's WHERE Version = loaded can notice (VersionedSave's DbUpdateConcurrencyException branch).

    [Fact]
    public async Task A_post_saved_by_someone_else_between_the_version_check_and_the_write_is_refused_with_409_and_no_history_entry()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var id = await Posts.Create(alice, Posts.Fields("Dazwischen", "Start", slug: "dazwischen"), []);
        var version = await app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        var changesBefore = await app.WithDb(db => db.Changes.CountAsync());
        app.SaveHook.Once(db => SaveHook.Saves<NewsPost>(db, EntityState.Modified), () => app.WithDb(async db =>
        {
            var post = await db.NewsPosts.SingleAsync(p => p.Id == id);
            var before = PostSnapshot.Of(post);
            post.Body = "Bob's text";
            post.Version++;
            HistoryLog.Record(db, ChangeSubjects.Post, id, post.Title, "updated", "bob@example.org", before, PostSnapshot.Of(post));
            await db.SaveChangesAsync();
        }));

        var response = await Posts.Save(alice, id, "Save", Posts.Fields("Dazwischen", "Alice's text", slug: "dazwischen", version: version));

        Assert.Equal(1, app.SaveHook.Ran);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("changed meanwhile", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("bob@example.org", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Bob's text", page.QuerySelector("[data-role=their-text]")!.TextContent);
        Assert.Equal("Alice's text", page.QuerySelector("[data-role=your-text]")!.TextContent);
        Assert.Equal("Alice's text", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal((version + 1).ToString(CultureInfo.InvariantCulture), page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Bob's text", await app.WithDb(db => db.NewsPosts.Where(p => p.Id == id).Select(p => p.Body).SingleAsync()));
        var changes = await app.WithDb(db => db.Changes.OrderBy(c => c.Id).Skip(changesBefore).ToListAsync());
        Assert.Equal("bob@example.org", Assert.Single(changes).Editor);
        Assert.DoesNotContain("Alice's text", changes[0].After);
    }

    [Fact]
    public async Task A_city_saved_by_someone_else_between_the_version_check_and_the_write_is_refused_with_409_and_no_history_entry()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var id = await app.WithDb(db => db.Cities.Where(c => c.Slug == "hanau").Select(c => c.Id).SingleAsync());
        var version = await app.WithDb(db => db.Cities.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var changesBefore = await app.WithDb(db => db.Changes.CountAsync());
        app.SaveHook.Once(db => SaveHook.Saves<City>(db, EntityState.Modified), () => app.WithDb(async db =>
        {
            var city = await db.Cities.SingleAsync(c => c.Id == id);
            var before = CitySnapshot.Of(city);
            city.Description = new(null, "Bob's text");
            city.Version++;
            HistoryLog.Record(db, ChangeSubjects.City, id, city.Name, "updated", "bob@example.org", before, CitySnapshot.Of(city));
            await db.SaveChangesAsync();
        }));

        var response = await alice.PostForm($"/admin/cities/{id}?handler=SaveCity", new()
        {
            ["Input.Name"] = "Hanau", ["Input.Country"] = "DE", ["Input.Region"] = "Hessen", ["Input.DescriptionEn"] = "Alice's text",
            ["Input.Latitude"] = "50.13423", ["Input.Longitude"] = "8.91418", ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.ConfirmFar"] = "true",
        }, $"/admin/cities/{id}");

        Assert.Equal(1, app.SaveHook.Ran);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("changed meanwhile", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Contains("Bob's text", page.QuerySelector("[role=alert]")!.TextContent);
        Assert.Equal("Alice's text", page.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim());
        Assert.Equal("Bob's text", await app.WithDb(db => db.Cities.Where(c => c.Id == id).Select(c => c.Description.En).SingleAsync()));
        var changes = await app.WithDb(db => db.Changes.OrderBy(c => c.Id).Skip(changesBefore).ToListAsync());
        Assert.Equal("bob@example.org", Assert.Single(changes).Editor);
        Assert.DoesNotContain("Alice's text", changes[0].After);
    }
}
