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
/// Two saves that pick the same address at the same moment both pass the check for a free one; the database's
/// unique index stops the second. That editor gets the answer a duplicate gets one after the other, not a 500.
/// </summary>
public class SameSlugAtOnceTests
{
    const int Rounds = 10;

    static Dictionary<string, string> NewCity(string name, string description) => new()
    {
        ["Input.Name"] = name, ["Input.Country"] = "DE", ["Input.Region"] = "", ["Input.DescriptionEn"] = description,
        ["Input.Latitude"] = "50.5", ["Input.Longitude"] = "8.5", ["Input.Version"] = "0", ["Input.ConfirmFar"] = "true",
    };

    static async Task<Func<Task<HttpResponseMessage>>> Prepared(Editor editor, string path, Dictionary<string, string> fields, string formPage,
        IEnumerable<KeyValuePair<string, string>>? repeated = null)
    {
        var token = await editor.Token(formPage);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)).Concat(repeated ?? []));
        return () => editor.Client.PostAsync(path, content);
    }

    /// <summary>Sends both at once; one must be saved (redirect), the other refused on its form (200), never a 500.</summary>
    static async Task<(HttpResponseMessage Loser, string LoserText)> BothAtOnce(int round,
        Func<Task<HttpResponseMessage>> alice, string aliceText, Func<Task<HttpResponseMessage>> bob, string bobText)
    {
        var answers = await Task.WhenAll(Task.Run(alice), Task.Run(bob));
        var statuses = answers.Select(a => a.StatusCode).ToArray();
        Assert.True(statuses.Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Redirect]),
            $"round {round}: {string.Join(", ", statuses)} (expected one redirect and one form shown again)");
        return answers[0].StatusCode == HttpStatusCode.OK ? (answers[0], aliceText) : (answers[1], bobText);
    }

    [Fact]
    public async Task Two_new_posts_with_the_same_slug_at_the_same_instant_save_one_and_show_the_other_its_form_with_the_address_taken()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var bob = await Editor.SignIn(app, "bob@example.org");

        for (var round = 0; round < Rounds; round++)
        {
            var slug = $"gleiche-adresse-{round}";
            var (aliceText, bobText) = ($"Alice, round {round}", $"Bob, round {round}");
            var changesBefore = await app.WithDb(db => db.Changes.CountAsync());
            var fromAlice = await Prepared(alice, "/admin/posts?handler=Save", Posts.Fields("Alice's title", aliceText, slug: slug), "/admin/posts");
            var fromBob = await Prepared(bob, "/admin/posts?handler=Save", Posts.Fields("Bob's title", bobText, slug: slug), "/admin/posts");

            var (loser, loserText) = await BothAtOnce(round, fromAlice, aliceText, fromBob, bobText);

            var page = new HtmlParser().ParseDocument(await loser.Content.ReadAsStringAsync());
            Assert.Contains($"Another post already has the address /news/{slug}", page.QuerySelector(".form-error")!.TextContent);
            Assert.Equal(loserText, page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
            var saved = await app.WithDb(db => db.NewsPosts.Where(p => p.Slug == slug).Select(p => p.Body).ToListAsync());
            var winnerText = Assert.Single(saved);
            Assert.NotEqual(loserText, winnerText);
            var changes = await app.WithDb(db => db.Changes.OrderBy(c => c.Id).Skip(changesBefore).ToListAsync());
            Assert.Contains(winnerText, Assert.Single(changes).After);
        }
    }

    [Fact]
    public async Task Adding_the_same_city_at_the_same_instant_puts_it_on_the_map_once_and_tells_the_other_it_is_already_there()
    {
        using var app = new TestApp();
        var alice = await Editor.SignIn(app, "alice@example.org");
        var bob = await Editor.SignIn(app, "bob@example.org");

        for (var round = 0; round < Rounds; round++)
        {
            var name = $"Gleichstadt {round}";
            var (aliceText, bobText) = ($"Alice, round {round}", $"Bob, round {round}");
            var changesBefore = await app.WithDb(db => db.Changes.CountAsync());
            var fromAlice = await Prepared(alice, "/admin/cities/new", NewCity(name, aliceText), "/admin/cities/new?name=x");
            var fromBob = await Prepared(bob, "/admin/cities/new", NewCity(name, bobText), "/admin/cities/new?name=x");

            var (loser, loserText) = await BothAtOnce(round, fromAlice, aliceText, fromBob, bobText);

            var page = new HtmlParser().ParseDocument(await loser.Content.ReadAsStringAsync());
            Assert.Contains($"{name} (DE) is already on the map", page.QuerySelector(".form-error")!.TextContent);
            Assert.Equal(loserText, page.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim());
            var saved = Assert.Single(await app.WithDb(db => db.Cities.Where(c => c.Name == name).ToListAsync()));
            Assert.NotEqual(loserText, saved.Description.En);
            var changes = await app.WithDb(db => db.Changes.OrderBy(c => c.Id).Skip(changesBefore).ToListAsync());
            Assert.Equal(saved.Id, Assert.Single(changes).SubjectId);
        }
    }

    // The same races, made certain: the other editor's save lands between this request's check and its write.

    [Fact]
    public async Task A_post_slug_taken_between_the_check_and_the_save_shows_the_form_again_with_the_address_taken()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var changesBefore = await app.WithDb(db => db.Changes.CountAsync());
        app.SaveHook.Once(db => SaveHook.Saves<NewsPost>(db, EntityState.Added), () => app.WithDb(async db =>
        {
            db.NewsPosts.Add(new NewsPost { Slug = "zugleich", Title = "The other one", Body = "Theirs", Language = "de", Version = 1 });
            await db.SaveChangesAsync();
        }));

        var response = await editor.PostForm("/admin/posts?handler=Save", Posts.Fields("Mine", "My text", slug: "zugleich"), "/admin/posts");

        Assert.Equal(1, app.SaveHook.Ran);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Another post already has the address /news/zugleich", page.QuerySelector(".form-error")!.TextContent);
        Assert.Equal("My text", page.QuerySelector("textarea[name='Input.Body']")!.TextContent.Trim());
        Assert.Equal("Mine", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal(["Theirs"], await app.WithDb(db => db.NewsPosts.Where(p => p.Slug == "zugleich").Select(p => p.Body).ToListAsync()));
        Assert.Equal(changesBefore, await app.WithDb(db => db.Changes.CountAsync()));
    }

    /// <param name="theirSlug">
    /// The slug the other editor's city got: the one this save chose, or another. One city per name and country has
    /// no unique index; had the other save come before this one chose its slug, this one would have chosen the next
    /// free slug and put the city on the map twice. The check under the write lock refuses both.
    /// </param>
    [Theory]
    [InlineData("zugleichstadt")]
    [InlineData("zugleichstadt-de")]
    public async Task The_same_city_added_between_the_check_and_the_save_is_answered_as_already_on_the_map(string theirSlug)
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var changesBefore = await app.WithDb(db => db.Changes.CountAsync());
        app.SaveHook.Once(db => SaveHook.Saves<City>(db, EntityState.Added), () => app.WithDb(async db =>
        {
            var city = new City { Slug = theirSlug, Name = "Zugleichstadt", Country = "DE", Description = new(null, "Theirs"), Version = 1 };
            city.MoveTo(8.5, 50.5);
            db.Cities.Add(city);
            await db.SaveChangesAsync();
        }));

        var response = await editor.PostForm("/admin/cities/new", NewCity("Zugleichstadt", "Mine"), "/admin/cities/new?name=x");

        Assert.Equal(1, app.SaveHook.Ran);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Zugleichstadt (DE) is already on the map", page.QuerySelector(".form-error")!.TextContent);
        Assert.Equal("Mine", page.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim());
        Assert.Equal(["Theirs"], await app.WithDb(db => db.Cities.Where(c => c.Name == "Zugleichstadt").Select(c => c.Description.En).ToListAsync()));
        Assert.Equal(changesBefore, await app.WithDb(db => db.Changes.CountAsync()));
    }

    [Fact]
    public async Task A_city_whose_address_another_city_took_between_the_check_and_the_save_gets_the_next_free_one()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        app.SaveHook.Once(db => SaveHook.Saves<City>(db, EntityState.Added), () => app.WithDb(async db =>
        {
            var city = new City { Slug = "doppelort", Name = "Doppelort", Country = "AT", Version = 1 };
            city.MoveTo(14.5, 47.5);
            db.Cities.Add(city);
            await db.SaveChangesAsync();
        }));

        var response = await editor.PostForm("/admin/cities/new", NewCity("Doppelort", "Mine"), "/admin/cities/new?name=x");

        Assert.Equal(1, app.SaveHook.Ran);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mine = await app.WithDb(db => db.Cities.SingleAsync(c => c.Name == "Doppelort" && c.Country == "DE"));
        Assert.Equal("doppelort-de", mine.Slug); // what it gets when added after the other one
        Assert.Equal("created", await app.WithDb(db => db.Changes.Where(c => c.Subject == ChangeSubjects.City && c.SubjectId == mine.Id)
            .Select(c => c.Action).SingleAsync()));
    }
}
