using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.News;

namespace MovingCities.Tests.Editors;

/// <summary>Hostile text in every field editors and imports fill, rendered on every page that shows it: all inert.</summary>
public class XssTests
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<body onload=alert(1)>",
        "'';!--\"<XSS>=&{()}",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "[click](javascript:alert(1))",
        "![img](javascript:alert(1))",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<style>@import 'javascript:alert(1)';</style>",
        "<svg><script>alert(1)</script></svg>",
        "[x]( javascript:alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](JaVaScRiPt:alert(1))",
        "<<script>script>alert(1)<</script>/script>",
        "<img src=x onerror=\"&#x61;lert(1)\">",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
    ];

    /// <summary>
    /// The payloads attack with everything <see cref="HtmlAssert.Inert"/> refuses, so that passing it means
    /// something: each active element, an event handler, each active URL scheme both in HTML and in Markdown
    /// links and images. A kind added to the check without a payload trying it fails here.
    /// </summary>
    [Fact]
    public void The_payloads_try_every_kind_of_active_content_the_inert_check_refuses()
    {
        var missing = new List<string>();
        void Tried(string what, Func<string, bool> tries)
        {
            if (!Payloads.Any(tries))
                missing.Add(what);
        }
        foreach (var element in HtmlAssert.ActiveElements)
            Tried($"<{element}>", p => Regex.IsMatch(p, $@"<{element}[\s>]", RegexOptions.IgnoreCase));
        Tried("an event handler attribute", p => Regex.IsMatch(p, @"<\w+[^>]*\son\w+=", RegexOptions.IgnoreCase));
        foreach (var scheme in HtmlAssert.ActiveSchemes)
            Tried($"{scheme} in an HTML attribute", p => Regex.IsMatch(p, $@"\w+=[""']?\s*{scheme}", RegexOptions.IgnoreCase));
        foreach (var scheme in HtmlAssert.ActiveSchemes.Except(["vbscript:"]))
        {
            Tried($"{scheme} in a Markdown link", p => Regex.IsMatch(p, $@"^\[[^\]]*\]\(\s*{scheme}", RegexOptions.IgnoreCase));
            Tried($"{scheme} in a Markdown image", p => Regex.IsMatch(p, $@"^!\[[^\]]*\]\(\s*{scheme}", RegexOptions.IgnoreCase));
        }
        Assert.True(missing.Count == 0, "no payload tries " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Hostile_titles_bodies_city_names_summaries_and_sources_render_inert_everywhere()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        await app.WithDb(async db =>
        {
            var type = db.CommitmentTypes.First();
            for (var i = 0; i < Payloads.Length; i++)
            {
                var payload = Payloads[i];
                var city = new City { Slug = $"xss-city-{i}", Name = payload, Country = "DE", Region = payload, Description = new(payload, payload) };
                city.MoveTo(8 + i * 0.01, 50);
                city.Commitments.Add(new Commitment { TypeKey = type.Key, Status = CommitmentStatus.Decided, Summary = new(payload, payload), SourceUrl = payload });
                db.Cities.Add(city);
                db.NewsPosts.Add(new NewsPost
                {
                    Slug = $"xss-{i}", Title = payload, Summary = payload, Language = "en", Status = NewsStatus.Published,
                    PublishedAt = new DateOnly(2026, 11, 1), SourceUrl = payload, Body = $"{payload}\n\n{payload} text\n\n[link]({payload})",
                    Cities = [city],
                });
            }
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient();
        var parser = new HtmlParser();
        var postIds = await app.WithDb(db => Task.FromResult(db.NewsPosts.ToDictionary(p => p.Slug, p => p.Id)));

        for (var i = 0; i < Payloads.Length; i++)
        {
            // Each page, and the part of it that shows the data (editor pages have forms of their own).
            foreach (var (path, reader, content) in new (string, HttpClient, string)[]
            {
                ($"/news/xss-{i}", client, "main"), ($"/cities/xss-city-{i}", client, "main"), ($"/news?city=xss-city-{i}", client, "main"),
                ($"/admin/posts/{postIds[$"xss-{i}"]}/preview", editor.Client, "main"), ("/admin/cities", editor.Client, "table"),
            })
            {
                var shown = parser.ParseDocument(await reader.GetStringAsync(path)).QuerySelector(content)!;
                HtmlAssert.Inert(shown.InnerHtml);
                Assert.Contains(payload(i), shown.TextContent); // shown as text, not dropped
            }

            var feed = XDocument.Parse(await client.GetStringAsync($"/cities/xss-city-{i}/news.atom"));
            XNamespace atom = "http://www.w3.org/2005/Atom";
            var entry = feed.Root!.Element(atom + "entry")!;
            Assert.Equal(Payloads[i], entry.Element(atom + "title")!.Value); // XML-escaped text that reads back as the title
            HtmlAssert.Inert(entry.Element(atom + "content")!.Value); // the sanitized HTML of the body
        }

        static string payload(int i) => Payloads[i].Length > 40 ? Payloads[i][..40] : Payloads[i];
    }

    [Fact]
    public async Task Hostile_text_typed_into_the_editor_is_stored_as_typed_and_shown_as_text()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var payload = Payloads[1];

        var id = await Posts.Create(editor, Posts.Fields(payload, $"{payload}\n\n[x](javascript:alert(1))", slug: "hostile"), ["bern"], publish: true);

        Assert.Equal(payload, await app.WithDb(db => Task.FromResult(db.NewsPosts.Single(p => p.Id == id).Title)));
        var page = new HtmlParser().ParseDocument(await app.CreateClient().GetStringAsync("/news/hostile"));
        Assert.Equal(payload, page.QuerySelector("h1")!.TextContent);
        HtmlAssert.Inert(page.QuerySelector("article")!.InnerHtml);
        foreach (var snapshot in (await editor.Page($"/admin/posts/{id}/history")).QuerySelectorAll("[data-role=history] pre"))
            HtmlAssert.Inert(snapshot.InnerHtml);
        var form = await editor.Page($"/admin/posts/{id}");
        Assert.Equal(payload, form.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
    }
}
