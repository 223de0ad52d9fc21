using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.News;

namespace MovingCities.Tests.Api;

public abstract class NewsApiTests<TDatabase> : IDisposable where TDatabase : ITestDatabase
{
    readonly TestApp _app = TestApp.On<TDatabase>();

    public void Dispose() => _app.Dispose();

    async Task AddPost(string slug, string date, NewsStatus status, string body = "Text", params string[] cities)
    {
        await _app.WithDb(async db =>
        {
            var tagged = await db.Cities.Where(c => cities.Contains(c.Slug)).ToListAsync();
            db.NewsPosts.Add(new NewsPost
            {
                Slug = slug, Title = $"Title of {slug}", Summary = "Summary", Body = body, Language = "en",
                PublishedAt = DateOnly.Parse(date), Status = status, Cities = tagged,
            });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Lists_published_posts_newest_first_with_a_total()
    {
        await AddPost("older", "2024-01-01", NewsStatus.Published, cities: ["bern"]);
        await AddPost("newest", "2026-01-01", NewsStatus.Published, cities: ["bern", "konstanz"]);
        await AddPost("secret-draft", "2026-06-01", NewsStatus.Draft, cities: ["bern"]);

        var page = await _app.GetJson("/api/news");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(["newest", "tageskonferenz-kommunen-als-sichere-haefen", "older"],
            page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        var newest = page.GetProperty("items")[0];
        Assert.Equal("/news/newest", newest.GetProperty("url").GetString());
        Assert.Equal(["bern", "konstanz"], newest.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task Filters_by_city_and_pages_with_limit_and_offset()
    {
        await AddPost("older", "2024-01-01", NewsStatus.Published, cities: ["bern"]);
        await AddPost("newest", "2026-01-01", NewsStatus.Published, cities: ["bern"]);
        await AddPost("elsewhere", "2026-02-01", NewsStatus.Published, cities: ["hanau"]);

        var bern = await _app.GetJson("/api/news?city=bern&limit=1&offset=1");
        Assert.Equal(3, bern.GetProperty("total").GetInt32());
        Assert.Equal(1, bern.GetProperty("limit").GetInt32());
        Assert.Equal(1, bern.GetProperty("offset").GetInt32());
        Assert.Equal("tageskonferenz-kommunen-als-sichere-haefen", bern.GetProperty("items").EnumerateArray().Single().GetProperty("slug").GetString());

        var past = await _app.GetJson("/api/news?offset=50");
        Assert.Equal(4, past.GetProperty("total").GetInt32());
        Assert.Empty(past.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Drafts_stay_out_of_the_list_the_detail_the_city_and_the_news_count()
    {
        await AddPost("secret-draft", "2026-06-01", NewsStatus.Draft, cities: ["bern"]);

        Assert.Equal(HttpStatusCode.NotFound, (await _app.Get("/api/news/secret-draft")).StatusCode);
        Assert.DoesNotContain("secret-draft", await (await _app.Get("/api/news?city=bern")).Content.ReadAsStringAsync());
        var bern = await _app.GetJson("/api/cities/bern");
        Assert.Single(bern.GetProperty("properties").GetProperty("news").EnumerateArray());
        var layer = await _app.GetJson("/api/cities?country=CH");
        Assert.Equal(1, layer.GetProperty("features")[0].GetProperty("properties").GetProperty("newsCount").GetInt32());
    }

    [Fact]
    public async Task A_post_comes_with_sanitized_html_its_cities_and_its_source()
    {
        var post = await _app.GetJson("/api/news/tageskonferenz-kommunen-als-sichere-haefen");
        Assert.Equal("de", post.GetProperty("language").GetString());
        Assert.Equal("2025-11-20", post.GetProperty("publishedAt").GetString());
        Assert.StartsWith("https://moving-cities.eu/", post.GetProperty("sourceUrl").GetString());
        Assert.Equal(11, post.GetProperty("cities").GetArrayLength());
        Assert.Contains("<h2", post.GetProperty("html").GetString());
        Assert.Contains("Osnabrück", post.GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("**bold** <style>body{display:none}</style>")]
    public async Task Markdown_bodies_cannot_carry_scripts(string body)
    {
        await AddPost("xss", "2026-01-01", NewsStatus.Published, body);
        var html = (await _app.GetJson("/api/news/xss")).GetProperty("html").GetString()!;
        HtmlAssert.Inert(html);
    }

    [Fact]
    public async Task Safe_markdown_keeps_its_formatting_and_links()
    {
        await AddPost("formatted", "2026-01-01", NewsStatus.Published, "**Bold** and [a link](https://example.org/x).");
        var html = (await _app.GetJson("/api/news/formatted")).GetProperty("html").GetString()!;
        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("href=\"https://example.org/x\"", html);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("city=atlantis", "city")]
    [InlineData("page=2", "page")]
    public async Task Bad_news_queries_get_a_problem_naming_the_parameter(string query, string parameter) =>
        await ProblemAssert.BadRequestNaming(await _app.Get($"/api/news?{query}"), parameter);

    [Fact]
    public async Task An_unknown_post_is_a_404_problem()
    {
        var response = await _app.Get("/api/news/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class NewsApiTestsOnSqlite : NewsApiTests<OnSqlite>;
public sealed class NewsApiTestsOnPostgres : NewsApiTests<OnPostgres>;
