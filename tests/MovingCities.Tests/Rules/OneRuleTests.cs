using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Geodata;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Cities;
using MovingCities.Web.Geodata;

namespace MovingCities.Tests.Rules;

/// <summary>
/// One rule, one place: what the import (<see cref="CityFileReader"/>, behind <c>import</c> and the geodata files)
/// refuses, the editor's forms refuse too, and what one takes the other takes.
/// </summary>
public class OneRuleTests(OneRuleTests.Host host) : IClassFixture<OneRuleTests.Host>
{
    /// <summary>One app and one signed-in editor for all rules; every form here is refused or saves a harmless value.</summary>
    public sealed class Host : IDisposable
    {
        public TestApp App { get; } = new();
        readonly Lazy<Task<Editor>> _editor;
        public Host() => _editor = new(() => Infrastructure.Editor.SignIn(App));
        public Task<Editor> Editor => _editor.Value;
        public void Dispose() => App.Dispose();
    }

    static readonly IReadOnlySet<string> KnownTypes = new HashSet<string> { "safe-harbour-declaration", "sea-rescue-support" };

    static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The import's problems with one feature, changed by <paramref name="change"/>.</summary>
    static List<string> ImportProblems(Action<JsonObject> change)
    {
        var feature = ImportTests.Feature(null, "Testhausen", 8.5, 50.5);
        change(feature);
        return CityFileReader.Read(ImportTests.Collection(feature), "upload.geojson", KnownTypes).Problems;
    }

    /// <summary>What a person reads on the page.</summary>
    static string Shown(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent;

    static JsonObject Properties(JsonObject feature) => feature["properties"]!.AsObject();
    static JsonObject FirstCommitment(JsonObject feature) => Properties(feature)["commitments"]![0]!.AsObject();

    /// <summary>Posts the add-a-city form; returns the status and the page.</summary>
    async Task<(HttpStatusCode Status, string Html)> PostNewCity(string name, string country = "DE", string description = "")
    {
        var editor = await host.Editor;
        var response = await editor.PostForm("/admin/cities/new", new()
        {
            ["Input.Name"] = name, ["Input.Country"] = country, ["Input.Region"] = "", ["Input.DescriptionEn"] = description,
            ["Input.Latitude"] = "50.5", ["Input.Longitude"] = "8.5", ["Input.Version"] = "0", ["Input.ConfirmFar"] = "false",
        });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the add-a-commitment form on Konstanz's page.</summary>
    async Task<(HttpStatusCode Status, string Html)> PostNewCommitment(string date, string sourceUrl)
    {
        var editor = await host.Editor;
        var city = await host.App.WithDb(db => db.Cities.AsNoTracking().SingleAsync(c => c.Slug == "konstanz"));
        var response = await editor.PostForm($"/admin/cities/{city.Id}?handler=SaveCommitment", new()
        {
            ["Commitment.Id"] = "", ["Commitment.Type"] = "safe-harbour-declaration", ["Commitment.Status"] = "Decided",
            ["Commitment.Date"] = date, ["Commitment.SummaryEn"] = "", ["Commitment.SourceUrl"] = sourceUrl,
            ["Commitment.LastVerified"] = "", ["Commitment.CityVersion"] = city.Version.ToString(),
        }, formPage: $"/admin/cities/{city.Id}");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_name_over_the_limit_is_refused_by_import_and_form_and_one_at_the_limit_taken_by_both()
    {
        var tooLong = new string('a', CityRules.MaxNameLength + 1);
        Assert.Contains(ImportProblems(f => Properties(f)["name"] = tooLong), p => p.Contains("properties.name"));
        var (status, html) = await PostNewCity(tooLong);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(CityRules.MaxNameLength.ToString(), html);

        var longest = "Z" + new string('a', CityRules.MaxNameLength - 1);
        Assert.Empty(ImportProblems(f => Properties(f)["name"] = longest));
        Assert.Equal(HttpStatusCode.Redirect, (await PostNewCity(longest)).Status);
    }

    [Theory]
    [InlineData("🏙️🌊")]
    [InlineData("---")]
    public async Task A_letterless_name_is_refused_by_import_and_form_with_the_same_reason(string name)
    {
        var reason = CityRules.NameProblem(name)!.English; // the import says it in English, as does the form to an English-reading editor
        Assert.Contains(ImportProblems(f => Properties(f)["name"] = name), p => p.Contains("properties.name") && p.Contains(reason));
        var (status, html) = await PostNewCity(name);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(reason, Shown(html));
    }

    [Theory]
    [InlineData("D1")]
    [InlineData("DEU")]
    [InlineData("D")]
    [InlineData("ÄÖ")]
    public async Task A_bad_country_code_is_refused_by_import_form_and_api(string country)
    {
        Assert.Contains(ImportProblems(f => Properties(f)["country"] = country), p => p.Contains("properties.country"));
        var (status, html) = await PostNewCity("Testhausen", country);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Two letters (ISO 3166-1)", Shown(html));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.App.CreateClient().GetAsync($"/api/cities?country={Uri.EscapeDataString(country)}")).StatusCode);
    }

    [Theory]
    [InlineData("ftp://example.org/decision.pdf")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.org/decision")]
    [InlineData("http://")]
    public async Task A_non_http_source_is_refused_by_import_and_form(string source)
    {
        Assert.Contains(ImportProblems(f => FirstCommitment(f)["sourceUrl"] = source), p => p.Contains("sourceUrl"));
        var (status, html) = await PostNewCommitment("2019", source);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The source must be an http(s) address.", Shown(html));
    }

    [Fact]
    public async Task A_source_over_the_length_limit_is_refused_by_import_and_form_with_one_reason()
    {
        var tooLong = "https://example.org/" + new string('a', Web.Http.Links.MaxLength);
        var problems = ImportProblems(f => FirstCommitment(f)["sourceUrl"] = tooLong);
        Assert.Contains(problems, p => p.Contains($"sourceUrl: longer than {Web.Http.Links.MaxLength} characters"));
        Assert.DoesNotContain(problems, p => p.Contains("must not be empty"));
        var (status, html) = await PostNewCommitment("2019", tooLong);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"At most {Web.Http.Links.MaxLength} characters.", Shown(html));
    }

    [Theory]
    [InlineData("Osnabru\u0308ck")] // decomposed, as a Mac sends it
    [InlineData("osnabrück")]
    [InlineData("OSNABRÜCK")]
    public async Task A_city_already_on_the_map_is_not_added_twice_whatever_its_case_or_composition(string name)
    {
        var (status, html) = await PostNewCity(name);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("is already on the map", Shown(html));
        Assert.Equal(1, await host.App.WithDb(db => db.Cities.CountAsync(c => c.SearchName == "osnabruck")));
    }

    [Fact]
    public async Task A_description_is_counted_as_a_reader_counts_it_by_import_and_form()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", CityRules.MaxDescriptionLength)); // 2 UTF-16 units each
        Assert.Empty(ImportProblems(f => Properties(f)["description"] = new JsonObject { ["en"] = emoji }));
        var (status, _) = await PostNewCity("Emojihausen", description: emoji);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains(ImportProblems(f => Properties(f)["description"] = new JsonObject { ["de"] = emoji + "😀" }), p => p.Contains("description.de: longer than"));
        var (refused, html) = await PostNewCity("Emojidorf", description: emoji + "😀");
        Assert.Equal(HttpStatusCode.OK, refused);
        Assert.Contains($"At most {CityRules.MaxDescriptionLength:N0} characters.", Shown(html));
    }

    [Theory]
    [InlineData("2019-13")]
    [InlineData("2019-02-30")]
    [InlineData("19-07")]
    [InlineData("2019/07")]
    [InlineData("٢٠١٩")]
    public async Task A_bad_partial_date_is_refused_by_import_and_form(string date)
    {
        Assert.Contains(ImportProblems(f => FirstCommitment(f)["date"] = date), p => p.Contains(".date"));
        var (status, html) = await PostNewCommitment(date, "https://example.org/decision");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Web.Commitments.PartialDate.Problem(date)!.English, Shown(html));
    }

    [Fact]
    public async Task A_position_beyond_the_limit_is_refused_by_validate_geodata_and_questioned_by_the_form()
    {
        // Konstanz in the gazetteer: 47.66033, 9.17582. A degree of latitude is some 111 km.
        var gazetteer = Gazetteer.Load(TestApp.RepoGeodata);
        double North(double km) => 47.66033 + km / 111.2;
        var far = North(CityRules.MaxKmFromGazetteer + 1);
        var near = North(CityRules.MaxKmFromGazetteer - 1);

        Assert.Contains(ValidateWithKonstanzAt(gazetteer, far), p => p.Contains("konstanz") && p.Contains($"more than {CityRules.MaxKmFromGazetteer} km"));
        Assert.DoesNotContain(ValidateWithKonstanzAt(gazetteer, near), p => p.Contains("konstanz"));

        var editor = await host.Editor;
        var city = await host.App.WithDb(db => db.Cities.AsNoTracking().SingleAsync(c => c.Slug == "konstanz"));
        Dictionary<string, string> Fields(double latitude) => new()
        {
            ["Input.Name"] = "Konstanz", ["Input.Country"] = "DE", ["Input.Region"] = "Baden-Württemberg", ["Input.DescriptionEn"] = "",
            ["Input.Latitude"] = Number(latitude), ["Input.Longitude"] = "9.17582", ["Input.Version"] = city.Version.ToString(),
            ["Input.ConfirmFar"] = "false",
        };
        var refused = await editor.PostForm($"/admin/cities/{city.Id}?handler=SaveCity", Fields(far), formPage: $"/admin/cities/{city.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("km from the gazetteer's Konstanz", Shown(await refused.Content.ReadAsStringAsync()));
        var saved = await editor.PostForm($"/admin/cities/{city.Id}?handler=SaveCity", Fields(near), formPage: $"/admin/cities/{city.Id}");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    [Fact]
    public void The_slug_pattern_of_forms_and_browsers_and_the_slug_check_of_the_files_agree()
    {
        var pattern = new System.Text.RegularExpressions.Regex(Web.Text.Slug.Pattern);
        // As a form's validation and the browser's pattern match: the whole text.
        bool Matches(string text) => pattern.Match(text) is { Success: true } m && m.Length == text.Length;
        string[] examples = ["konstanz", "frankfurt-am-main", "a1", "", "-a", "a-", "a--b", "A", "ä", "a b", "a\n", "a_b"];
        foreach (var text in examples.Concat(Robustness.NaughtyStrings.Sample))
            Assert.True(Matches(text) == Web.Text.Slug.IsSlug(text), $"{Robustness.NaughtyStrings.Show(text)}: pattern {Matches(text)}, IsSlug {Web.Text.Slug.IsSlug(text)}");
    }

    [Fact]
    public async Task A_post_title_over_the_limit_is_refused_by_the_news_files_and_the_form()
    {
        var tooLong = new string('a', Web.News.PostLimits.MaxTitleLength + 1);
        var problems = new List<string>();
        NewsFile.Parse($"---\nslug: long\ntitle: {tooLong}\ndate: 2025-01-01\nlanguage: en\n---\n\nText\n", "long", problems.Add);
        Assert.Contains(problems, p => p.StartsWith("title:", StringComparison.Ordinal));

        var editor = await host.Editor;
        var response = await editor.PostForm("/admin/posts?handler=Save", Editors.Posts.Fields(tooLong, "Text"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Web.News.PostLimits.MaxTitleLength.ToString(), Shown(await response.Content.ReadAsStringAsync()));
    }

    /// <summary><c>validate-geodata</c> on a copy of the fixture with Konstanz moved north to <paramref name="latitude"/>.</summary>
    static IReadOnlyList<string> ValidateWithKonstanzAt(Gazetteer gazetteer, double latitude)
    {
        var folder = Directory.CreateTempSubdirectory("movingcities-rules-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestApp.FixtureGeodata, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(TestApp.FixtureGeodata, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        var path = Path.Combine(folder, GeodataFiles.Cities);
        var cities = JsonNode.Parse(File.ReadAllText(path))!;
        var konstanz = cities["features"]!.AsArray().Single(f => (string?)f!["id"] == "konstanz")!;
        konstanz["geometry"]!["coordinates"]![1] = latitude;
        File.WriteAllText(path, cities.ToJsonString());
        try
        {
            return GeodataValidator.Validate(folder, gazetteer).Problems;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
