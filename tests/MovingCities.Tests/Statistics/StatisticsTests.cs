using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using MovingCities.Web.History;
using MovingCities.Web.Statistics;

namespace MovingCities.Tests.Statistics;

/// <summary>The real geodata, seeded once and only read: its years, statuses and countries give the counts something to add up.</summary>
public sealed class RealDataApp : IDisposable
{
    public TestApp App { get; } = new(geodataPath: TestApp.RepoGeodata);
    public void Dispose() => App.Dispose();
}

public class StatisticsTests(RealDataApp real) : IClassFixture<RealDataApp>
{
    static readonly string[] Statuses = ["announced", "decided", "implemented", "revoked", "rejected"];
    static readonly string[] Live = ["announced", "decided", "implemented"];

    static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    [Fact]
    public async Task The_statistics_add_up_to_the_commitments_of_every_city_in_the_layer()
    {
        var statistics = await real.App.GetJson("/api/statistics");
        var layer = await real.App.GetJson("/api/cities");
        // Every commitment of every city as the layer gives it: [type, status, year or null].
        var items = layer.GetProperty("features").EnumerateArray().SelectMany(f => f.GetProperty("properties").GetProperty("items").EnumerateArray()
            .Select(i => (Country: f.GetProperty("properties").GetProperty("country").GetString()!, City: f.GetProperty("id").GetString()!,
                District: f.GetProperty("properties").GetProperty("kind").GetString() == "district",
                Type: i[0].GetString()!, Status: i[1].GetString()!, Year: i[2].ValueKind == JsonValueKind.Null ? (int?)null : i[2].GetInt32())))
            .ToList();
        var live = items.Where(i => Live.Contains(i.Status)).ToList();
        Assert.Contains(items, i => !Live.Contains(i.Status)); // the real data has revoked and rejected items to leave out

        Assert.Equal(live.Count, Int(statistics, "commitments"));
        Assert.Equal(live.Where(i => !i.District).Select(i => i.City).Distinct().Count(), Int(statistics, "cities"));
        Assert.Equal(live.Where(i => i.District).Select(i => i.City).Distinct().Count(), Int(statistics, "districts"));
        Assert.True(Int(statistics, "districts") > 10, "the real data's Landkreise, Kreise and Bezirke are counted apart");
        Assert.Equal(live.Select(i => i.Country).Distinct().Count(), Int(statistics, "countries"));

        foreach (var type in statistics.GetProperty("byType").EnumerateArray())
        {
            var key = type.GetProperty("type").GetString();
            Assert.Equal(live.Count(i => i.Type == key), Int(type, "total"));
            foreach (var status in Statuses)
                Assert.Equal(items.Count(i => i.Type == key && i.Status == status), Int(type.GetProperty("byStatus"), status));
        }
        Assert.Equal(items.Count, statistics.GetProperty("byType").EnumerateArray().Sum(t => Statuses.Sum(s => Int(t.GetProperty("byStatus"), s))));

        var byCountry = statistics.GetProperty("byCountry").EnumerateArray().ToList();
        Assert.Equal(live.GroupBy(i => i.Country).Count(), byCountry.Count);
        foreach (var country in byCountry)
        {
            var code = country.GetProperty("country").GetString();
            Assert.Equal(live.Count(i => i.Country == code), Int(country, "commitments"));
            Assert.Equal(live.Where(i => i.Country == code && !i.District).Select(i => i.City).Distinct().Count(), Int(country, "cities"));
            Assert.Equal(live.Where(i => i.Country == code && i.District).Select(i => i.City).Distinct().Count(), Int(country, "districts"));
        }
        Assert.Equal(byCountry.OrderByDescending(c => Int(c, "commitments")).Select(c => Int(c, "commitments")), byCountry.Select(c => Int(c, "commitments")));

        var byYear = statistics.GetProperty("byYear").EnumerateArray().ToList();
        var years = byYear.Select(y => Int(y, "year")).ToList();
        Assert.Equal(Enumerable.Range(years[0], years.Count), years); // every year, none skipped
        Assert.Equal(live.Where(i => i.Year is not null).Min(i => i.Year), years[0]);
        Assert.Equal(live.Where(i => i.Year is not null).Max(i => i.Year), years[^1]);
        foreach (var year in byYear)
            Assert.Equal(live.Count(i => i.Year == Int(year, "year")), Int(year, "commitments"));
        Assert.Equal(live.Count(i => i.Year is null), Int(statistics, "undated"));
    }

    [Theory]
    [InlineData("CH")]
    [InlineData("AT")]
    public async Task A_countrys_numbers_equal_the_sum_of_its_city_details(string country)
    {
        var statistics = await real.App.GetJson("/api/statistics");
        var slugs = (await real.App.GetJson($"/api/cities?country={country}")).FeatureIds();
        var commitments = 0;
        var cities = 0;
        foreach (var slug in slugs)
        {
            var city = await real.App.GetJson($"/api/cities/{slug}");
            var live = city.GetProperty("properties").GetProperty("commitments").EnumerateArray()
                .Count(c => Live.Contains(c.GetProperty("status").GetString()));
            commitments += live;
            cities += live > 0 && city.GetProperty("properties").GetProperty("kind").GetString() != "district" ? 1 : 0;
        }

        var row = statistics.GetProperty("byCountry").EnumerateArray().Single(c => c.GetProperty("country").GetString() == country);
        Assert.True(cities > 10, $"{country} has {cities} cities with commitments in the real data");
        Assert.Equal(commitments, Int(row, "commitments"));
        Assert.Equal(cities, Int(row, "cities"));
    }

    [Fact]
    public async Task Networks_come_with_their_member_counts_most_members_first()
    {
        var statistics = await real.App.GetJson("/api/statistics");
        var members = await real.App.WithDb(db => db.Networks.Select(n => new { n.Slug, Members = n.Memberships.Count }).ToDictionaryAsync(n => n.Slug, n => n.Members));
        var networks = statistics.GetProperty("networks").EnumerateArray().ToList();

        Assert.Equal(members.Count, networks.Count);
        foreach (var network in networks)
            Assert.Equal(members[network.GetProperty("slug").GetString()!], Int(network, "members"));
        Assert.Equal(networks.Select(n => Int(n, "members")).OrderDescending(), networks.Select(n => Int(n, "members")));
    }

    [Fact]
    public async Task Revoked_and_rejected_items_show_in_their_status_but_in_no_total_and_a_change_gets_a_new_etag()
    {
        using var app = new TestApp();
        var before = await app.Get("/api/statistics");
        var etag = before.Headers.ETag!;
        var old = JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(old.GetProperty("byYear").EnumerateArray()); // the fixture's commitments are undated

        await app.WithDb(async db =>
        {
            // Frankfurt has no commitment yet: one rejected one does not make it a city with a commitment.
            var frankfurt = await db.Cities.SingleAsync(c => c.Slug == "frankfurt-am-main");
            frankfurt.Commitments.Add(new Commitment { TypeKey = "safe-harbour-declaration", Status = CommitmentStatus.Rejected, Date = "2019-05", SourceUrl = "https://example.org/no" });
            var bern = await db.Cities.SingleAsync(c => c.Slug == "bern");
            bern.Commitments.Add(new Commitment { TypeKey = "safe-harbour-declaration", Status = CommitmentStatus.Decided, Date = "2018-06-01", SourceUrl = "https://example.org/yes" });
            bern.Commitments.Add(new Commitment { TypeKey = "safe-harbour-declaration", Status = CommitmentStatus.Revoked, Date = "2021", SourceUrl = "https://example.org/gone" });
            await db.SaveChangesAsync();
        });

        var after = await app.Get("/api/statistics", headers => headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(etag, after.Headers.ETag);
        var now = JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Int(old, "commitments") + 1, Int(now, "commitments"));
        Assert.Equal(Int(old, "cities"), Int(now, "cities"));
        var declaration = now.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "safe-harbour-declaration");
        Assert.Equal(1, Int(declaration, "total"));
        Assert.Equal((1, 1, 1), (Int(declaration.GetProperty("byStatus"), "decided"), Int(declaration.GetProperty("byStatus"), "revoked"), Int(declaration.GetProperty("byStatus"), "rejected")));
        Assert.Equal(new[] { (2018, 1) }, now.GetProperty("byYear").EnumerateArray().Select(y => (Int(y, "year"), Int(y, "commitments"))));
        var switzerland = now.GetProperty("byCountry").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "CH");
        Assert.Equal((1, 2), (Int(switzerland, "cities"), Int(switzerland, "commitments")));
    }

    [Fact]
    public async Task The_answer_is_cached_by_strong_etag_with_304_and_precompressed()
    {
        using var app = new TestApp();
        var first = await app.Get("/api/statistics");
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache);

        var again = await app.Get("/api/statistics", headers => headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        var compressed = await app.Get("/api/statistics", headers => headers.AcceptEncoding.ParseAdd("br"));
        Assert.Equal("br", compressed.Content.Headers.ContentEncoding.Single());
        Assert.Equal(HttpStatusCode.NotModified, (await app.Get("/api/statistics", headers => headers.IfNoneMatch.Add(compressed.Headers.ETag!))).StatusCode);
    }

    [Fact]
    public async Task The_api_description_says_which_items_count()
    {
        var document = await real.App.GetJson("/openapi/v1.json");
        var operation = document.GetProperty("paths").GetProperty("/api/statistics").GetProperty("get");
        Assert.Equal("GetStatistics", operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.Contains("Revoked and rejected items are never counted", operation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Unknown_query_parameters_are_refused_with_a_problem()
    {
        using var app = new TestApp();
        var response = await app.Get("/api/statistics?country=DE");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_last_change_is_the_newest_public_edit_or_post_and_ignores_drafts()
    {
        using var app = new TestApp();
        var seeded = (await app.GetJson("/api/statistics")).GetProperty("lastChange").GetString();
        var newestPost = await app.WithDb(db => db.NewsPosts.Where(p => p.Status == MovingCities.Web.News.NewsStatus.Published).MaxAsync(p => p.PublishedAt));
        Assert.Equal(newestPost.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), seeded); // no history yet: the newest post

        await app.WithDb(async db =>
        {
            var draft = new MovingCities.Web.News.NewsPost { Slug = "draft", Title = "Draft", Language = "en", PublishedAt = new DateOnly(2031, 1, 1) };
            db.NewsPosts.Add(draft);
            await db.SaveChangesAsync();
            db.Changes.Add(new Change { Subject = ChangeSubjects.Post, SubjectId = draft.Id, Label = "Draft", Action = "created", Editor = "e@example.org", AtUtc = new DateTime(2031, 1, 1, 12, 0, 0, DateTimeKind.Utc) });
            db.Changes.Add(new Change { Subject = ChangeSubjects.Commitment, SubjectId = 1, Label = "Bern", Action = "updated", Editor = "e@example.org", AtUtc = new DateTime(2030, 3, 4, 23, 30, 0, DateTimeKind.Utc) });
            // A city touched in the same save, so the prepared numbers rebuild (history alone is not public data).
            (await db.Cities.FirstAsync()).Version++;
            await db.SaveChangesAsync();
        });

        Assert.Equal("2030-03-04", (await app.GetJson("/api/statistics")).GetProperty("lastChange").GetString());
    }

    [Theory]
    [InlineData("en", "Commitments per year", "Date not known", "Germany")]
    [InlineData("de", "Zusagen pro Jahr", "Datum unbekannt", "Deutschland")]
    public async Task The_page_shows_each_count_as_an_svg_chart_with_the_same_numbers_in_a_table(string lang, string yearsHeading, string undated, string germany)
    {
        var statistics = await real.App.GetJson("/api/statistics");
        var response = await real.App.Get($"/{lang}/statistics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var culture = CultureInfo.GetCultureInfo(lang);

        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(Int(statistics, "commitments").ToString("N0", culture), page.QuerySelector("[data-role=totals]")!.TextContent);
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(3, charts.Length);
        foreach (var chart in charts)
        {
            Assert.False(string.IsNullOrWhiteSpace(chart.GetAttribute("aria-label")));
            Assert.False(string.IsNullOrWhiteSpace(chart.QuerySelector("title")?.TextContent));
            Assert.NotNull(chart.ParentElement!.ParentElement!.QuerySelector("table")); // the numbers beside it
        }

        var years = page.QuerySelector("[data-role=years]")!;
        Assert.Equal(yearsHeading, years.QuerySelector("h2")!.TextContent);
        var byYear = statistics.GetProperty("byYear").EnumerateArray().ToList();
        Assert.Equal(byYear.Select(y => Int(y, "commitments").ToString(CultureInfo.InvariantCulture)), years.QuerySelectorAll("svg rect").Select(r => r.GetAttribute("data-value")));
        foreach (var year in byYear)
            Assert.Equal(Int(year, "commitments").ToString("N0", culture), years.QuerySelector($"tr[data-year='{Int(year, "year")}'] td")!.TextContent);
        Assert.Equal(undated, years.QuerySelector("tr[data-year=undated] th")!.TextContent);
        // Coordinates stay invariant in a German page: a comma would break the SVG.
        Assert.DoesNotContain(years.QuerySelectorAll("svg rect"), r => r.GetAttribute("width")!.Contains(','));

        var types = page.QuerySelector("[data-role=types]")!;
        foreach (var type in statistics.GetProperty("byType").EnumerateArray())
        {
            var row = types.QuerySelector($"tr[data-type='{type.GetProperty("type").GetString()}']")!;
            Assert.Equal(Int(type, "total").ToString("N0", culture), row.QuerySelectorAll("td")[0].TextContent);
            foreach (var status in Statuses)
                Assert.Equal(Int(type.GetProperty("byStatus"), status).ToString("N0", culture), row.QuerySelector($"td[data-status={status}]")!.TextContent);
        }

        var countries = page.QuerySelector("[data-role=countries]")!;
        var de = statistics.GetProperty("byCountry").EnumerateArray().Single(c => c.GetProperty("country").GetString() == "DE");
        var germanRow = countries.QuerySelector("tr[data-country=DE]")!;
        Assert.Equal(germany, germanRow.QuerySelector("th")!.TextContent);
        Assert.Equal(new[] { Int(de, "cities").ToString("N0", culture), Int(de, "districts").ToString("N0", culture), Int(de, "commitments").ToString("N0", culture) }, germanRow.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains(countries.QuerySelectorAll("svg text"), t => t.TextContent == germany);
    }

    [Fact]
    public async Task The_map_and_the_about_page_link_the_statistics_in_their_language()
    {
        foreach (var (path, link) in new[] { ("/en", "/en/statistics"), ("/de/about", "/de/statistics") })
        {
            var page = new HtmlParser().ParseDocument(await (await real.App.Get(path)).Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector($"main a[href='{link}'], header a[href='{link}']"));
        }
        var about = new HtmlParser().ParseDocument(await (await real.App.Get("/de/about")).Content.ReadAsStringAsync());
        Assert.NotNull(about.QuerySelector("main a[href='/de/statistics']"));
    }
}

public class ChartTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(4, 4, 1)]
    [InlineData(7, 8, 2)]
    [InlineData(222, 250, 50)]
    [InlineData(304, 400, 100)]
    [InlineData(1001, 1500, 500)]
    public void The_axis_ends_on_a_round_step_of_one_two_or_five_at_or_above_the_maximum(int max, int top, int step)
    {
        Assert.Equal((top, step), Charts.Axis(max));
    }

    [Fact]
    public void Bars_are_as_long_as_their_counts_and_withdrawn_segments_come_after_a_gap()
    {
        var chart = new BarChart(
        [
            new("a", null, 30, [new(10, "#1"), new(20, "#2"), new(5, "#3", Apart: true)]),
            new("b", null, 15, [new(15, "#1"), new(0, "#2"), new(0, "#3", Apart: true)]),
        ], width: 640) { Title = "t", Description = "d" };

        var a = chart.Layout(chart.Rows[0]).ToList();
        var b = chart.Layout(chart.Rows[1]).ToList();
        Assert.Equal(3, a.Count);
        Assert.Single(b); // nothing drawn for zero
        Assert.Equal(a[0].Width * 2, a[1].Width, 6);
        Assert.Equal(a[0].Width * 1.5, b[0].Width, 6);
        Assert.True(a[2].X > a[1].X + a[1].Width, "the withdrawn segment stands apart");
        Assert.True(chart.End(chart.Rows[0]) < chart.Width, "the number after the longest bar fits");
    }

    [Fact]
    public void Svg_numbers_are_written_the_same_in_every_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("12.5", Charts.N(12.5));
            Assert.Equal("1234.57", Charts.N(1234.5678));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
