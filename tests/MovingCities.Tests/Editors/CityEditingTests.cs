using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using MovingCities.Web.History;

namespace MovingCities.Tests.Editors;

public class CityEditingTests
{
    static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    static Dictionary<string, string> CityFields(string name, string country, string? region, double latitude, double longitude, int version = 0, bool confirmFar = false) => new()
    {
        ["Input.Name"] = name, ["Input.Country"] = country, ["Input.Region"] = region ?? "", ["Input.DescriptionEn"] = "",
        ["Input.Latitude"] = Number(latitude), ["Input.Longitude"] = Number(longitude), ["Input.Version"] = version.ToString(),
        ["Input.ConfirmFar"] = confirmFar ? "true" : "false",
    };

    [Fact]
    public async Task Typing_a_name_fills_position_country_and_region_from_the_gazetteer_and_adds_the_city()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);

        var form = await editor.Page("/admin/cities/new?name=Wuppertal");
        Assert.Equal("DE", form.QuerySelector("input[name='Input.Country']")!.GetAttribute("value"));
        var latitude = double.Parse(form.QuerySelector("input[name='Input.Latitude']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        var longitude = double.Parse(form.QuerySelector("input[name='Input.Longitude']")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.InRange(latitude, 51.2, 51.3);
        Assert.InRange(longitude, 7.1, 7.2);
        var region = form.QuerySelector("input[name='Input.Region']")!.GetAttribute("value");

        var created = await editor.PostForm("/admin/cities/new", CityFields("Wuppertal", "DE", region, latitude, longitude), "/admin/cities/new?name=Wuppertal");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var city = await app.GetJson("/api/cities/wuppertal");
        Assert.Equal([longitude, latitude], city.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal("created", await app.WithDb(db => db.Changes.Where(c => c.Subject == ChangeSubjects.City).Select(c => c.Action).SingleAsync()));
    }

    [Fact]
    public async Task A_position_far_from_the_gazetteer_is_warned_about_and_kept_only_when_confirmed_and_out_of_range_is_refused()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        const string page = "/admin/cities/new?name=Wuppertal";

        var far = await editor.PostForm("/admin/cities/new", CityFields("Wuppertal", "DE", null, 50.0, 7.15), page);
        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
        Assert.Contains("km from the gazetteer", await far.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/api/cities/wuppertal")).StatusCode);

        var outOfRange = await editor.PostForm("/admin/cities/new", CityFields("Wuppertal", "DE", null, 95, 7.15, confirmFar: true), page);
        Assert.Contains("Latitude is between -90 and 90", await outOfRange.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Get("/api/cities/wuppertal")).StatusCode);

        var confirmed = await editor.PostForm("/admin/cities/new", CityFields("Wuppertal", "DE", null, 50.0, 7.15, confirmFar: true), page);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Get("/api/cities/wuppertal")).StatusCode);
    }

    [Fact]
    public async Task Summary_and_description_are_typed_in_German_and_English_either_may_stay_empty()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await app.WithDb(db => db.Cities.Where(c => c.Slug == "hanau").Select(c => c.Id).SingleAsync());
        var path = $"/admin/cities/{id}";

        var added = await editor.PostForm($"{path}?handler=SaveCommitment", new()
        {
            ["Commitment.Type"] = "safe-harbour-declaration", ["Commitment.Status"] = "Decided", ["Commitment.Date"] = "2019-06",
            ["Commitment.SummaryDe"] = " Erklärte sich zum Sicheren Hafen. ", ["Commitment.SummaryEn"] = "",
            ["Commitment.SourceUrl"] = "https://example.org/hanau", ["Commitment.CityVersion"] = "0",
        }, path);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var fields = CityFields("Hanau", "DE", "Hessen", 50.13423, 8.91418, version: 1);
        fields["Input.DescriptionDe"] = "Stadt der Brüder Grimm.";
        fields["Input.DescriptionEn"] = "Town of the Brothers Grimm.";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostForm($"{path}?handler=SaveCity", fields, path)).StatusCode);

        var saved = await app.WithDb(db => db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Id == id));
        Assert.Equal(new LocalizedText("Erklärte sich zum Sicheren Hafen.", null), saved.Commitments.Single(c => c.SourceUrl == "https://example.org/hanau").Summary);
        Assert.Equal(new LocalizedText("Stadt der Brüder Grimm.", "Town of the Brothers Grimm."), saved.Description);

        var form = await editor.Page(path);
        Assert.Equal("Stadt der Brüder Grimm.", form.QuerySelector("textarea[name='Input.DescriptionDe']")!.TextContent.Trim());
        Assert.Equal("Town of the Brothers Grimm.", form.QuerySelector("textarea[name='Input.DescriptionEn']")!.TextContent.Trim());
        Assert.Contains(form.QuerySelectorAll("input[name='Commitment.SummaryDe']"), i => i.GetAttribute("value") == "Erklärte sich zum Sicheren Hafen.");
        Assert.Equal("Summary (German)", form.QuerySelector("label[for$='-summary-de']")!.TextContent);
        Assert.Equal("Summary (English)", form.QuerySelector("label[for$='-summary-en']")!.TextContent);
    }

    [Fact]
    public async Task Commitments_need_a_source_and_edits_are_versioned_and_recorded()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var id = await app.WithDb(db => db.Cities.Where(c => c.Slug == "hanau").Select(c => c.Id).SingleAsync());
        var path = $"/admin/cities/{id}";
        Dictionary<string, string> Commitment(string source, int version) => new()
        {
            ["Commitment.Type"] = "safe-harbour-declaration", ["Commitment.Status"] = "Decided", ["Commitment.Date"] = "2019-06",
            ["Commitment.SummaryEn"] = "Declared a safe harbour.", ["Commitment.SourceUrl"] = source, ["Commitment.CityVersion"] = version.ToString(),
        };

        var withoutSource = await editor.PostForm($"{path}?handler=SaveCommitment", Commitment("", 0), path);
        Assert.Contains("Every commitment needs its source.", await withoutSource.Content.ReadAsStringAsync());

        var added = await editor.PostForm($"{path}?handler=SaveCommitment", Commitment("https://example.org/hanau", 0), path);
        Assert.True(added.StatusCode == HttpStatusCode.Redirect,
            new HtmlParser().ParseDocument(await added.Content.ReadAsStringAsync()).QuerySelectorAll(".form-error, [role=alert], .field-validation-error").Select(e => e.TextContent).Aggregate("", (a, b) => a + " | " + b));
        var commitments = (await app.GetJson("/api/cities/hanau")).GetProperty("properties").GetProperty("commitments");
        Assert.Equal("https://example.org/hanau", commitments[0].GetProperty("sourceUrl").GetString());

        // The form above was loaded at version 0; the city is at version 1 now.
        var stale = await editor.PostForm($"{path}?handler=SaveCity", CityFields("Hanau am Main", "DE", "Hessen", 50.13423, 8.91418, version: 0), path);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed meanwhile", await stale.Content.ReadAsStringAsync());
        Assert.Equal("Hanau", (await app.GetJson("/api/cities/hanau")).GetProperty("properties").GetProperty("name").GetString());

        // Renamed, the city keeps its commitments' history (it is recorded under the city, not its name).
        var renamed = await editor.PostForm($"{path}?handler=SaveCity", CityFields("Hanau am Main", "DE", "Hessen", 50.13423, 8.91418, version: 1), path);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var history = (await editor.Page(path)).QuerySelector("[data-role=history]")!.TextContent;
        Assert.Contains("commitment created", history);
        Assert.Contains("city updated", history);
        Assert.Contains("editor@example.org", history);
        Assert.NotNull((await editor.Page("/admin")).QuerySelector($"[data-role=recent-changes] a[href='{path}']"));
    }
}
