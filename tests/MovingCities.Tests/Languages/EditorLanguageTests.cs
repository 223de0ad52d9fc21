using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Editors;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Languages;

/// <summary>
/// The editor area in the editor's language: an editor who chose German (the switch sets <c>mc-lang</c>) reads the
/// dashboard, the forms, their validation and their conflicts in German, from <c>Resources/EditorText.de.resx</c>;
/// no English text of <c>EditorText.resx</c> and no key shows on a German editor page.
/// </summary>
public class EditorLanguageTests(EditorLanguageTests.Host host) : IClassFixture<EditorLanguageTests.Host>
{
    /// <summary>One app, one post with a history, and an editor who reads German.</summary>
    public sealed class Host : IDisposable
    {
        public TestApp App { get; } = new();
        readonly Lazy<Task<(Editor Editor, int PostId, int CityId)>> _setUp;

        public Host() => _setUp = new(async () =>
        {
            var editor = await Editor.SignIn(App, "redaktion@example.org");
            await ChooseGerman(editor);
            var id = await Posts.Create(editor, Posts.Fields("Konstanz bleibt Sicherer Hafen", "Der Rat von Konstanz hat entschieden.", slug: "konstanz-bleibt"), ["konstanz"]);
            Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, id, "Publish", Posts.Fields("Konstanz bleibt Sicherer Hafen", "Der Rat von Konstanz hat es bekräftigt.", slug: "konstanz-bleibt", version: 1), "konstanz")).StatusCode);
            var city = await App.WithDb(db => db.Cities.Where(c => c.Slug == "konstanz").Select(c => c.Id).SingleAsync());
            return (editor, id, city);
        });

        public Task<(Editor Editor, int PostId, int CityId)> SetUp => _setUp.Value;
        public void Dispose() => App.Dispose();
    }

    /// <summary>Chooses German with the layout's switch, as a person would: the browser still says English.</summary>
    static async Task ChooseGerman(Editor editor)
    {
        var response = await editor.Client.GetAsync("/language/de?back=/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mc-lang=de", StringComparison.Ordinal));
    }

    static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    static string Label(IHtmlDocument page, string field) => page.QuerySelector($"label[for='{field}']")!.TextContent.Trim();

    [Fact]
    public async Task An_editor_who_chose_German_reads_the_dashboard_post_form_and_city_form_in_German()
    {
        var (editor, postId, cityId) = await host.SetUp;

        var dashboard = await editor.Page("/admin");
        Assert.Equal("de", dashboard.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Redaktion", dashboard.QuerySelector("h1")!.TextContent);
        Assert.Equal("Neuer Beitrag", dashboard.QuerySelector("a[href='/admin/posts']")!.TextContent);
        Assert.StartsWith("Veröffentlichte Beiträge (", dashboard.QuerySelector("#published")!.TextContent);
        Assert.Contains("Beitrag veröffentlicht", dashboard.QuerySelector("[data-role=recent-changes]")!.TextContent);
        // Dates as German writes them, e.g. 20. November 2026.
        Assert.Matches(@"\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}", dashboard.QuerySelector("#published")!.ParentElement!.TextContent);

        var newPost = await editor.Page("/admin/posts");
        Assert.Equal("Neuer Beitrag", newPost.QuerySelector("h1")!.TextContent);
        Assert.Equal("Titel", Label(newPost, "Input_Title"));
        Assert.Equal("Sprache", Label(newPost, "Input_Language"));
        Assert.Equal("Städte, um die es in diesem Beitrag geht", newPost.QuerySelector("[data-role=tag-field] legend")!.TextContent);
        Assert.Equal("Veröffentlichen", newPost.QuerySelector("button[formaction*=Publish]")!.TextContent.Trim());
        Assert.Contains("200.000 Zeichen", newPost.QuerySelector("#post-form")!.TextContent); // German numbers

        var post = await editor.Page($"/admin/posts/{postId}");
        Assert.Equal("Beitrag bearbeiten", post.QuerySelector("h1")!.TextContent);
        Assert.Contains("Vorschau", post.QuerySelector(".page__meta")!.TextContent);
        Assert.Equal("Konstanz entfernen", post.QuerySelector("[data-city=konstanz] [data-role=remove-tag]")!.GetAttribute("aria-label"));

        var city = await editor.Page($"/admin/cities/{cityId}");
        Assert.Equal("Breitengrad", Label(city, "Input_Latitude"));
        Assert.Equal("Land", Label(city, "Input_Country"));
        Assert.Equal("Lage", city.QuerySelector("[data-role=position] legend")!.TextContent);
        Assert.Equal("Zusammenfassung (Deutsch)", city.QuerySelector("label[for$='-summary-de']")!.TextContent);
        Assert.Contains(city.QuerySelectorAll("h2"), h => h.TextContent == "Zusagen");
        Assert.Contains(city.QuerySelectorAll("select[name='Commitment.Status'] option"), o => o.TextContent == "beschlossen");
        Assert.Equal("/de/cities/konstanz", city.QuerySelector("main a[href^='/de/cities/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task German_validation_errors_and_rule_messages_on_the_editor_forms()
    {
        var (editor, _, cityId) = await host.SetUp;

        var untitled = await editor.PostForm("/admin/posts?handler=Save", Posts.Fields("", "Text", slug: "ohne-titel", source: "ftp://example.org"), "/admin/posts");
        var errors = Parse(await untitled.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("Titel fehlt.", errors);
        Assert.Contains("Die Quelle muss eine http(s)-Adresse sein.", errors);

        var tooLong = await editor.PostForm("/admin/posts?handler=Save", Posts.Fields("Lang", new string('x', Web.News.PostLimits.MaxTextCharacters + 1), slug: "zu-lang"), "/admin/posts");
        Assert.Contains("Der Text ist 200.001 Zeichen lang", await tooLong.Content.ReadAsStringAsync());

        var path = $"/admin/cities/{cityId}";
        var version = await host.App.WithDb(db => db.Cities.Where(c => c.Id == cityId).Select(c => c.Version).SingleAsync());
        var badCity = await editor.PostForm($"{path}?handler=SaveCity", CityFields("🏙️", "Deutschland", version), path);
        var cityErrors = Parse(await badCity.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent;
        Assert.Contains("Zwei Buchstaben (ISO 3166-1), etwa DE.", cityErrors);
        Assert.Contains(Web.Cities.CityRules.NameProblem("🏙️")!.In("de"), cityErrors);

        var badDate = await editor.PostForm($"{path}?handler=SaveCommitment", new()
        {
            ["Commitment.Type"] = "safe-harbour-declaration", ["Commitment.Status"] = "Decided", ["Commitment.Date"] = "2019-02-30",
            ["Commitment.SourceUrl"] = "", ["Commitment.CityVersion"] = version.ToString(CultureInfo.InvariantCulture),
        }, path);
        var commitmentErrors = Parse(await badDate.Content.ReadAsStringAsync()).QuerySelector("[data-role=new-commitment]")!.TextContent;
        Assert.Contains("Dieses Datum gibt es nicht.", commitmentErrors);
        Assert.Contains("Jede Zusage braucht ihre Quelle.", commitmentErrors);
    }

    [Fact]
    public async Task A_German_editor_saves_a_position_typed_with_a_decimal_point_as_the_browser_sends_it()
    {
        var (editor, _, cityId) = await host.SetUp;
        var path = $"/admin/cities/{cityId}";
        var version = await host.App.WithDb(db => db.Cities.Where(c => c.Id == cityId).Select(c => c.Version).SingleAsync());

        var saved = await editor.PostForm($"{path}?handler=SaveCity", CityFields("Konstanz", "DE", version, latitude: "47.66033", longitude: "9.17582"), path);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (latitude, longitude) = await host.App.WithDb(db => db.Cities.Where(c => c.Id == cityId).Select(c => new ValueTuple<double, double>(c.Latitude, c.Longitude)).SingleAsync());
        Assert.Equal(47.66033, latitude, 5);
        Assert.Equal(9.17582, longitude, 5);
        Assert.Equal("Gespeichert.", (await editor.Page(path)).QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task A_German_editor_is_told_in_German_when_a_post_or_a_city_changed_meanwhile()
    {
        var (editor, _, cityId) = await host.SetUp;
        var id = await Posts.Create(editor, Posts.Fields("Zweimal", "Erste Fassung", slug: "zweimal"), []);
        Assert.Equal(HttpStatusCode.Redirect, (await Posts.Save(editor, id, "Save", Posts.Fields("Zweimal", "Zweite Fassung", slug: "zweimal", version: 1))).StatusCode);

        var stale = await Posts.Save(editor, id, "Save", Posts.Fields("Zweimal", "Meine Fassung", slug: "zweimal", version: 1));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var alert = Parse(await stale.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!;
        Assert.Equal("Nicht gespeichert: dieser Beitrag wurde inzwischen geändert", alert.QuerySelector("h2")!.TextContent);
        Assert.Contains("redaktion@example.org", alert.TextContent);
        Assert.Contains("Inzwischen gespeichert", alert.TextContent);

        var path = $"/admin/cities/{cityId}";
        var version = await host.App.WithDb(db => db.Cities.Where(c => c.Id == cityId).Select(c => c.Version).SingleAsync());
        var staleCity = await editor.PostForm($"{path}?handler=SaveCity", CityFields("Konstanz", "DE", version - 1), path);
        Assert.Equal(HttpStatusCode.Conflict, staleCity.StatusCode);
        var cityAlert = Parse(await staleCity.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!;
        Assert.Equal("Nicht gespeichert: diese Stadt wurde inzwischen geändert", cityAlert.QuerySelector("h2")!.TextContent);
        Assert.Contains("Deutschland", cityAlert.TextContent);
    }

    [Fact]
    public async Task The_browser_language_chooses_until_the_switch_is_used_and_English_editors_keep_English()
    {
        var app = host.App;
        await host.SetUp;
        var english = await Editor.SignIn(app, "english@example.org");
        Assert.Equal("Editing", (await english.Page("/admin")).QuerySelector("h1")!.TextContent);

        var german = await Editor.SignIn(app, "deutsch@example.org");
        german.Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        german.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        Assert.Equal("Redaktion", (await german.Page("/admin")).QuerySelector("h1")!.TextContent);
    }

    /// <summary>
    /// English texts of <c>EditorText.resx</c> that a German page must not show (those whose German differs), as
    /// patterns: a placeholder matches anything.
    /// </summary>
    static IEnumerable<(string Key, Regex Pattern)> EnglishOnly()
    {
        var de = ResourceFiles.Read("EditorText.de.resx");
        foreach (var (key, text) in ResourceFiles.Read("EditorText.resx"))
        {
            if (de[key] == text || text.Length < 4 || key.StartsWith("Format.") || key.StartsWith("Binding."))
                continue;
            var parts = Regex.Split(text, @"\{[^}]+\}");
            if (parts.All(p => p.Trim().Length < 4))
                continue; // nothing of its own but placeholders and punctuation
            var pattern = string.Join(".+?", parts.Select(Regex.Escape));
            yield return (key, new Regex($@"(?<!\w){pattern}(?!\w)"));
        }
    }

    /// <summary>
    /// What an editor reads on a page in the page's language: visible text and aria-label, title, placeholder;
    /// not the content (texts typed into fields, snapshots in the history, anything marked with another language).
    /// </summary>
    static string Shown(IHtmlDocument page)
    {
        var lang = page.DocumentElement.GetAttribute("lang");
        foreach (var other in page.QuerySelectorAll("script, style, textarea, pre, [lang]").Where(e => e != page.DocumentElement && (e.LocalName is "script" or "style" or "textarea" or "pre" || e.GetAttribute("lang") != lang)).ToList())
            other.Remove();
        var labels = page.QuerySelectorAll("[aria-label], [title], [placeholder]")
            .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("title"), e.GetAttribute("placeholder") });
        // Text node by text node, so a heading and the paragraph after it never run together into one word.
        static IEnumerable<string> Texts(AngleSharp.Dom.INode node) => node is AngleSharp.Dom.IText text ? [text.Data] : node.ChildNodes.SelectMany(Texts);
        var texts = Texts(page.Body!);
        return string.Join("\n", texts.Concat(labels)).Replace("Moving Cities", "");
    }

    [Fact]
    public async Task German_editor_pages_show_no_English_text_of_the_editor_resources_and_no_key()
    {
        var (editor, postId, cityId) = await host.SetUp;
        var pages = new[]
        {
            "/admin", "/admin/cities", "/admin/cities?q=kon", $"/admin/cities/{cityId}", "/admin/cities/new", "/admin/cities/new?name=Frankfurt",
            "/admin/posts", $"/admin/posts/{postId}", $"/admin/posts/{postId}/history", $"/admin/posts/{postId}/preview",
        };
        var keys = ResourceFiles.Keys("EditorText.resx").ToHashSet();
        var english = EnglishOnly().ToList();
        var problems = new List<string>();
        foreach (var path in pages)
        {
            var page = await editor.Page(path);
            Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
            var shown = Shown(page);
            problems.AddRange(english.Where(e => e.Pattern.IsMatch(shown)).Select(e => $"{path}: {e.Key} ({e.Pattern.Match(shown).Value})"));
            problems.AddRange(Regex.Matches(shown, @"[A-Za-z]+(\.[A-Za-z]+)+").Select(m => m.Value).Where(keys.Contains).Distinct().Select(k => $"{path}: key {k}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_scripts_receive_every_script_text_in_the_editor_language()
    {
        var (editor, postId, _) = await host.SetUp;
        var page = await editor.Page($"/admin/posts/{postId}");
        var data = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script#editor-text")!.TextContent).RootElement;
        Assert.Equal("de", data.GetProperty("lang").GetString());
        var strings = data.GetProperty("strings");
        var scriptKeys = ResourceFiles.Keys("EditorText.resx").Where(k => k.StartsWith("Script.") || k.StartsWith("Doubt.")).ToList();
        Assert.All(scriptKeys, key => Assert.Equal(ResourceFiles.Read("EditorText.de.resx")[key], strings.GetProperty(key).GetString()));
        Assert.Equal("application/json", page.QuerySelector("script#editor-text")!.GetAttribute("type")); // data, not an inline script (CSP)
    }

    static Dictionary<string, string> CityFields(string name, string country, int version, string latitude = "47.66033", string longitude = "9.17582") => new()
    {
        ["Input.Name"] = name, ["Input.Country"] = country, ["Input.Region"] = "Baden-Württemberg", ["Input.DescriptionDe"] = "", ["Input.DescriptionEn"] = "",
        ["Input.Latitude"] = latitude, ["Input.Longitude"] = longitude, ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture), ["Input.ConfirmFar"] = "true",
    };
}
