using System.Collections;
using System.Net;
using System.Reflection;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Editors;
using MovingCities.Tests.Infrastructure;

namespace MovingCities.Tests.Robustness;

/// <summary>
/// Every field of every editor form takes every sampled naughty string: saved (redirect) or refused on the same
/// page with a message and the typed text kept, never a 5xx. Then every page and feed showing what was saved
/// renders it. The fields are enumerated from the page models, so a new field must get a valid default here.
/// </summary>
public class NaughtyFormTests
{
    sealed record Form(string Page, Type Model, Func<Task<string>> Url, Func<Task<Dictionary<string, string>>> Valid);

    static IEnumerable<string> BoundFields(Type model) =>
        (from property in model.GetProperties()
         let bind = property.GetCustomAttribute<BindPropertyAttribute>()
         where bind is not null && !bind.SupportsGet
         select (Prefix: property.Name, Form: property.PropertyType))
        // A form bound as a handler's parameter under its prefix (Cities/Edit's city and commitment forms)
        .Concat(from handler in model.GetMethods()
                where handler.Name.StartsWith("OnPost", StringComparison.Ordinal)
                from parameter in handler.GetParameters()
                let bind = parameter.GetCustomAttribute<BindAttribute>()
                where bind?.Prefix is not null
                select (Prefix: bind.Prefix!, Form: parameter.ParameterType))
        .Distinct()
        .SelectMany(form => form.Form.GetProperties().Where(f => f.CanWrite).Select(field => $"{form.Prefix}.{field.Name}"));

    /// <summary>
    /// Fields whose value is chosen or carried, not typed: selects, a checkbox, hidden versions and ids, and the tag
    /// list, whose hidden inputs carry slugs (lowercased on the way in: "Osnabrück" comes back as "osnabrück" with
    /// "There is no city").
    /// </summary>
    static bool IsChosen(string field) => field is "Input.Language" or "Commitment.Type" or "Commitment.Status" or "Input.Cities"
        or "Input.ConfirmFar" or "Input.Version" or "Commitment.CityVersion" or "Commitment.Id";

    /// <summary>What a browser sends for the text: lone surrogates become U+FFFD on the way.</summary>
    static string AsSent(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));

    /// <summary>Text that survives HTML form round trips unchanged (no control characters, not blank).</summary>
    static bool Comparable(string value) => !string.IsNullOrWhiteSpace(value) && !value.Any(char.IsControl);

    [Fact]
    public async Task Every_editor_form_field_takes_every_naughty_string_and_the_saved_text_renders_everywhere()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var city = await app.WithDb(db => db.Cities.SingleAsync(c => c.Slug == "konstanz"));
        Task<int> CityVersion() => app.WithDb(db => db.Cities.Where(c => c.Id == city.Id).Select(c => c.Version).SingleAsync());
        var count = 0;
        // The seed's other cities and posts hold no naughty text: only what this test saves is read back below.
        var (seedCities, seedPosts) = await app.WithDb(async db => (
            await db.Cities.Where(c => c.Id != city.Id).Select(c => c.Id).ToListAsync(),
            await db.NewsPosts.Select(p => p.Id).ToListAsync()));

        Form[] forms =
        [
            new("/admin/posts", typeof(MovingCities.Web.Pages.Admin.Posts.EditModel),
                () => Task.FromResult("/admin/posts?handler=Publish"),
                () => Task.FromResult(Posts.Fields($"Naughty post {++count}", "Text", source: "https://example.org/a")
                    .Append(new("Input.Cities", "konstanz")).ToDictionary())),
            new("/admin/cities/new", typeof(MovingCities.Web.Pages.Admin.Cities.NewModel),
                () => Task.FromResult("/admin/cities/new"),
                () => Task.FromResult(new Dictionary<string, string>
                {
                    ["Input.Name"] = $"Naughtyville {++count}", ["Input.Country"] = "DE", ["Input.Region"] = "", ["Input.DescriptionDe"] = "", ["Input.DescriptionEn"] = "",
                    ["Input.Latitude"] = "50.1", ["Input.Longitude"] = "8.6", ["Input.ConfirmFar"] = "false", ["Input.Version"] = "0",
                })),
            new($"/admin/cities/{city.Id}", typeof(MovingCities.Web.Pages.Admin.Cities.EditModel),
                () => Task.FromResult($"/admin/cities/{city.Id}?handler=SaveCity"),
                async () => new Dictionary<string, string>
                {
                    ["Input.Name"] = "Konstanz", ["Input.Country"] = "DE", ["Input.Region"] = "Baden-Württemberg", ["Input.DescriptionDe"] = "", ["Input.DescriptionEn"] = "",
                    ["Input.Latitude"] = city.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Input.Longitude"] = city.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Input.ConfirmFar"] = "false", ["Input.Version"] = (await CityVersion()).ToString(),
                }),
            new($"/admin/cities/{city.Id}", typeof(MovingCities.Web.Pages.Admin.Cities.EditModel),
                () => Task.FromResult($"/admin/cities/{city.Id}?handler=SaveCommitment"),
                async () => new Dictionary<string, string>
                {
                    ["Commitment.Id"] = "", ["Commitment.Type"] = "sea-rescue-support", ["Commitment.Status"] = "Decided",
                    ["Commitment.Date"] = "2024", ["Commitment.SummaryDe"] = "", ["Commitment.SummaryEn"] = "", ["Commitment.SourceUrl"] = "https://example.org/decision",
                    ["Commitment.LastVerified"] = "", ["Commitment.CityVersion"] = (await CityVersion()).ToString(),
                }),
        ];

        var failures = new List<string>();
        var sent = 0;
        foreach (var form in forms)
        {
            var token = await editor.Token(form.Page);
            var prefix = (await form.Url()).Contains("SaveCommitment") ? "Commitment." : "Input.";
            var fields = BoundFields(form.Model).Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var valid = await form.Valid();
            Assert.NotEmpty(fields); // the form's fields were found (as bound properties or handler parameters)
            Assert.True(fields.All(valid.ContainsKey), $"{form.Page}: no valid default for {string.Join(", ", fields.Where(f => !valid.ContainsKey(f)))}");

            foreach (var field in fields)
            foreach (var value in NaughtyStrings.Sample)
            {
                var body = (await form.Valid()).Append(new("__RequestVerificationToken", token))
                    .Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, value) : f);
                var url = await form.Url();
                var response = await editor.Client.PostAsync(url, NaughtyStrings.Form(body));
                sent++;
                var what = $"{url} {field}={NaughtyStrings.Show(value)}";
                var status = (int)response.StatusCode;
                if (status == 302)
                    continue;
                // A version or id that is not the one loaded is a conflict (409) or names no commitment (404), as it should.
                if (status == 409 && field is "Input.Version" or "Commitment.CityVersion" || status == 404 && field == "Commitment.Id")
                    continue;
                var html = await response.Content.ReadAsStringAsync();
                // The framework cannot read a form holding %00 at all (not even its antiforgery token): the whole post
                // is refused with the error page saying so, and nothing is saved.
                if (value.Contains('\0') && status == 400 && html.Contains("NUL character") && html.Contains("Nothing was saved"))
                    continue;
                if (status != 200 || response.Content.Headers.ContentType?.MediaType != "text/html")
                {
                    failures.Add($"{what} → {status}: {html[..Math.Min(200, html.Length)]}");
                    continue;
                }
                var page = new HtmlParser().ParseDocument(html);
                var messages = page.QuerySelectorAll(".form-error, .field-validation-error, .validation-summary-errors li, .notice, .warning")
                    .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
                if (messages.Count == 0)
                    failures.Add($"{what} → 200 without a message saying why it was not saved");
                if (!IsChosen(field) && Comparable(value))
                {
                    // The city page holds a form per saved commitment too; the refused one is the add form.
                    var scope = field.StartsWith("Commitment.", StringComparison.Ordinal) ? "form[data-role=new-commitment] " : "";
                    var element = page.QuerySelector($"{scope}[name=\"{field}\"]");
                    var shown = element?.LocalName == "textarea" ? element.TextContent : element?.GetAttribute("value");
                    if (shown != AsSent(value))
                        failures.Add($"{what} → refused ({string.Join(" ", messages)}) but the field shows {NaughtyStrings.Show(shown ?? "(missing)")}");
                }
            }
        }

        // What was saved renders: the layer, each saved city and post page, the feeds, the sitemap, the editor's lists.
        var slugs = await app.WithDb(async db => (
            Cities: await db.Cities.Where(c => !seedCities.Contains(c.Id)).Select(c => c.Slug).ToListAsync(),
            Posts: await db.NewsPosts.Where(p => !seedPosts.Contains(p.Id)).Select(p => p.Slug).ToListAsync(),
            Ids: await db.Cities.Where(c => !seedCities.Contains(c.Id)).Select(c => c.Id).ToListAsync()));
        Assert.True(slugs.Cities.Count > 1 && slugs.Posts.Count > 1, $"{slugs.Cities.Count} cities and {slugs.Posts.Count} posts saved");
        string[] readers = [
            "/api/cities", "/de/news.atom", "/en/news.atom", "/sitemap.xml", "/de/news", "/en/news", "/admin", "/admin/cities",
            .. slugs.Cities.SelectMany(s => new[] { $"/de/cities/{Uri.EscapeDataString(s)}", $"/en/cities/{Uri.EscapeDataString(s)}", $"/api/cities/{Uri.EscapeDataString(s)}", $"/de/cities/{Uri.EscapeDataString(s)}/news.atom" }),
            .. slugs.Posts.SelectMany(s => new[] { $"/de/news/{Uri.EscapeDataString(s)}", $"/en/news/{Uri.EscapeDataString(s)}", $"/api/news/{Uri.EscapeDataString(s)}" }),
            .. slugs.Ids.Select(id => $"/admin/cities/{id}"),
        ];
        foreach (var url in readers)
        {
            var response = await editor.Client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"GET {url} → {(int)response.StatusCode}");
        }
        Assert.True(slugs.Cities.All(s => s.Length > 0 && s == MovingCities.Web.Text.Slug.From(s)), "every city has a non-empty, well-formed slug: " + string.Join(", ", slugs.Cities.Where(s => s.Length == 0 || s != MovingCities.Web.Text.Slug.From(s))));
        Assert.True(slugs.Posts.All(s => s.Length > 0 && s == MovingCities.Web.Text.Slug.From(s)), "every post has a non-empty, well-formed slug");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} form posts and {readers.Length} reads failed:\n{string.Join("\n", failures.Select(f => f[..Math.Min(f.Length, 400)]).Take(60))}");
    }
}
