using System.Net;
using System.Text;
using System.Text.Json;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Http;

namespace MovingCities.Tests.Robustness;

/// <summary>The inputs a robustness review found breaking the app, each pinned to its clear answer.</summary>
public class HostileInputTests(SeededApp app) : IClassFixture<SeededApp>
{
    static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [InlineData("%F0%9F%98%80")]          // 😀 alone: nothing to search for
    [InlineData("%F0%9D%95%82")]          // 𝕂 folds to k, a search like any other
    [InlineData("%F0%9F%87%A9%F0%9F%87%AA")] // 🇩🇪
    public async Task Characters_outside_the_basic_plane_in_the_search_are_never_a_server_error(string q)
    {
        var response = await app.Get($"/api/cities?q={q}");
        Assert.True((int)response.StatusCode is 200 or 400, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task An_emoji_after_a_name_is_read_as_a_word_break()
    {
        var cities = await app.GetJson("/api/cities?q=kon%F0%9F%98%80");
        Assert.Equal(["konstanz"], cities.FeatureIds());
    }

    [Theory]
    [InlineData("Osnabru%CC%88ck")]  // NFD, as macOS sends it
    [InlineData("Osnabr%C3%BCck")]   // NFC
    [InlineData("OSNABRUECK")]
    [InlineData("%EF%BC%AF%EF%BD%93%EF%BD%8E%EF%BD%81")] // full-width Ｏｓｎａ
    public async Task Decomposed_and_full_width_names_find_the_same_city(string q)
    {
        var cities = await app.GetJson($"/api/cities?q={q}");
        Assert.Equal(["osnabrueck"], cities.FeatureIds());
    }

    [Theory]
    [InlineData("%D9%83%D9%88%D9%86")] // كون
    [InlineData("%E6%9D%B1%E4%BA%AC")] // 東京
    public async Task A_search_in_another_script_is_told_to_use_latin_letters(string q)
    {
        var messages = await ProblemAssert.BadRequestNaming(await app.Get($"/api/cities?q={q}"), "q");
        Assert.Contains("Latin letters", Assert.Single(messages));
    }

    [Fact]
    public async Task A_search_without_letters_is_told_it_needs_one()
    {
        var messages = await ProblemAssert.BadRequestNaming(await app.Get("/api/cities?q=%F0%9F%98%80"), "q");
        Assert.Contains("at least one letter or digit", Assert.Single(messages));
    }

    [Theory]
    [InlineData("/api/cities?q=kon&q=kon", "q")]
    [InlineData("/api/cities?bbox=5,47,15,55&bbox=5,47,15,55", "bbox")]
    [InlineData("/api/news?city=konstanz&city=bern", "city")]
    public async Task A_parameter_of_one_value_given_twice_is_refused(string url, string parameter)
    {
        var messages = await ProblemAssert.BadRequestNaming(await app.Get(url), parameter);
        Assert.Contains("takes one value", Assert.Single(messages));
    }

    [Fact]
    public async Task A_list_parameter_given_twice_adds_items_like_a_comma()
    {
        var repeated = await app.GetJson("/api/cities?country=CH&country=DE&commitment=sea-rescue-support");
        var commas = await app.GetJson("/api/cities?country=CH,DE&commitment=sea-rescue-support");
        Assert.Equal(commas.FeatureIds(), repeated.FeatureIds());
        Assert.Contains("bern", repeated.FeatureIds());
    }

    [Theory]
    [InlineData("/en/cities/%20")]
    [InlineData("/en/news/%20")]
    [InlineData("/en/cities/%E3%80%80")] // ideographic space
    [InlineData("/en/cities/%F0%9F%98%80")]
    public async Task Blank_or_emoji_slugs_get_the_not_found_page(string path)
    {
        var response = await app.Get(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/cities/%20")]
    [InlineData("/api/news/%E3%80%80")]
    public async Task Blank_slugs_in_the_api_are_not_found_problems(string path) =>
        await Problem(await app.Get(path), HttpStatusCode.NotFound);

    [Fact]
    public async Task An_address_over_the_limit_is_414_with_the_limit_named()
    {
        var problem = await Problem(await app.Get("/api/cities?q=" + new string('k', ErrorResponses.MaxUrlLength)), HttpStatusCode.RequestUriTooLong);
        Assert.Contains($"{ErrorResponses.MaxUrlLength:N0}", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_page_address_over_the_limit_gets_the_error_page()
    {
        var response = await app.Get("/en/news?city=" + new string('k', ErrorResponses.MaxUrlLength));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too long", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The editors' JSON API with bodies that cannot be read: 400 problem details in every environment.</summary>
public class MalformedBodyTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Malformed_tag_suggestion_bodies_are_400_problems_that_say_what_is_wrong(string environment)
    {
        using var app = new TestApp(environment: environment);
        var editor = await Editor.SignIn(app);
        var token = await editor.Token("/admin/posts");

        string[] bodies =
        [
            """{"text": "Konstanz \ud800 und Bern"}""",                          // lone surrogate, escaped
            new string('[', 5000) + new string(']', 5000),                        // nested far beyond the reader's depth
            """{"text": "unterminated""",
            """{"text": 42}""",
            "not json at all",
        ];
        foreach (var body in bodies)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/editor/tag-suggestions")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("RequestVerificationToken", token);
            var response = await editor.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body[..Math.Min(40, body.Length)]} → {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var detail = JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString();
            Assert.Contains("JSON", detail);
        }
    }

    [Fact]
    public async Task Raw_lone_surrogates_in_the_text_are_read_as_replacement_characters()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var response = await editor.PostJson("/api/editor/tag-suggestions", new { text = "Konstanz \ud83d und Bern" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var slugs = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("suggestions")
            .EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ToArray();
        Assert.Contains("konstanz", slugs);
        Assert.Contains("bern", slugs);
    }
}

/// <summary>Posts titled only with emoji or another script: refused with what to do, the title kept.</summary>
public class LetterlessTitleTests
{
    [Theory]
    [InlineData("😀🎉")]
    [InlineData("東京")]
    public async Task A_title_without_latin_letters_and_no_slug_asks_for_a_slug_and_keeps_the_title(string title)
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var response = await editor.PostForm("/admin/posts?handler=Save", MovingCities.Tests.Editors.Posts.Fields(title, "Text"), "/admin/posts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("type a slug", page.QuerySelector("[data-valmsg-for='Input.Slug']")?.TextContent ?? page.Body!.TextContent);
        Assert.Equal(title, page.QuerySelector("[name='Input.Title']")?.GetAttribute("value"));
    }
}
