using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Editors;
using MovingCities.Web.History;

namespace MovingCities.Tests.Pages;

/// <summary>
/// A city page reads at a glance: where the city stands, then its commitments newest first by year, each with an
/// anchor, the same order in the API the map's panel reads; the data's date; hand-typed addresses that find their
/// city; icons; one absolute canonical address per page.
/// </summary>
public class AtAGlanceTests
{
    /// <summary>
    /// Osnabrück as the fixture has it (additional admission, decided, undated) plus a safe-harbour declaration of
    /// 2019 revoked in 2024 and sea rescue support since 2021.
    /// </summary>
    static async Task<TestApp> OsnabrueckWithAHistory()
    {
        var app = new TestApp();
        await app.WithDb(async db =>
        {
            var city = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "osnabrueck");
            Commitment Item(string type, CommitmentStatus status, string date) =>
                new() { TypeKey = type, Status = status, Date = date, SourceUrl = $"https://example.org/{type}/{date}" };
            city.Commitments.Add(Item("safe-harbour-declaration", CommitmentStatus.Decided, "2019-07-11"));
            city.Commitments.Add(Item("safe-harbour-declaration", CommitmentStatus.Revoked, "2024-03"));
            city.Commitments.Add(Item("sea-rescue-support", CommitmentStatus.Implemented, "2021"));
            await db.SaveChangesAsync();
        });
        return app;
    }

    static readonly string[] ExpectedOrder =
    [
        "commitment-safe-harbour-declaration-2024-03", "commitment-sea-rescue-support-2021",
        "commitment-safe-harbour-declaration-2019-07-11", "commitment-additional-admission",
    ];

    static async Task<IHtmlDocument> Html(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    static HttpClient NoRedirects(TestApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Theory]
    [InlineData("de", "Erklärung zum Sicheren Hafen seit 2019 · 2024 aufgehoben", "Unterstützung der Seenotrettung seit 2021", "Zusätzliche Aufnahme: beschlossen", "ohne Datum")]
    [InlineData("en", "Safe harbour declaration since 2019 · revoked in 2024", "Sea rescue support since 2021", "Additional admission: decided", "undated")]
    public async Task A_city_page_says_where_the_city_stands_then_lists_commitments_newest_first_by_year_with_undated_last(
        string lang, string harbour, string seaRescue, string admission, string undated)
    {
        using var app = await OsnabrueckWithAHistory();
        var page = await Html(await app.Get($"/{lang}/cities/osnabrueck"));

        Assert.Equal([harbour, seaRescue, admission], page.QuerySelectorAll("[data-role=standing] > li").Select(li => li.TextContent.Trim()));
        var timeline = page.QuerySelector("[data-role=commitments]")!;
        Assert.Equal(["2024", "2021", "2019", undated], timeline.QuerySelectorAll("[data-role=year]").Select(h => h.TextContent.Trim()));
        var items = timeline.QuerySelectorAll("li[data-commitment]");
        Assert.Equal(ExpectedOrder, items.Select(li => li.Id));
        // The revoked one reads as revoked, struck through.
        Assert.Contains("timeline__item--withdrawn", items[0].ClassName);
        // Every commitment links to itself.
        Assert.All(items, li => Assert.Equal($"#{li.Id}", li.QuerySelector("a[data-role=anchor]")!.GetAttribute("href")));
    }

    [Fact]
    public async Task The_city_api_gives_the_commitments_in_the_pages_order_with_their_anchors_and_the_standing_in_both_languages()
    {
        using var app = await OsnabrueckWithAHistory();
        var properties = (await app.GetJson("/api/cities/osnabrueck")).GetProperty("properties");

        Assert.Equal(ExpectedOrder, properties.GetProperty("commitments").EnumerateArray().Select(c => c.GetProperty("anchor").GetString()));
        var harbour = properties.GetProperty("standing")[0];
        Assert.Equal("safe-harbour-declaration", harbour.GetProperty("type").GetString());
        Assert.Equal("revoked", harbour.GetProperty("status").GetString());
        Assert.Equal((2019, 2024), (harbour.GetProperty("since").GetInt32(), harbour.GetProperty("year").GetInt32()));
        Assert.Equal("Erklärung zum Sicheren Hafen seit 2019 · 2024 aufgehoben", harbour.GetProperty("text").GetProperty("de").GetString());
        Assert.Equal("Safe harbour declaration since 2019 · revoked in 2024", harbour.GetProperty("text").GetProperty("en").GetString());
    }

    [Fact]
    public async Task City_page_and_about_page_show_the_day_of_the_newest_public_change_and_only_public_changes_move_it()
    {
        using var app = new TestApp();
        async Task<DateTime> Stamp() => await app.WithDb(db => db.DataStamps.Select(s => s.ChangedAtUtc).SingleAsync());
        var seeded = await Stamp();

        // History alone is not a change of public data.
        await app.WithDb(async db =>
        {
            HistoryLog.Record(db, ChangeSubjects.City, 1, "Konstanz", "updated", "editor@example.org", null, null);
            await db.SaveChangesAsync();
        });
        Assert.Equal(seeded, await Stamp());

        await app.WithDb(async db =>
        {
            (await db.Cities.SingleAsync(c => c.Slug == "konstanz")).Description = new(null, "Changed.");
            await db.SaveChangesAsync();
        });
        var changed = await Stamp();
        Assert.True(changed > seeded, $"{changed:o} after {seeded:o}");

        var day = DateOnly.FromDateTime(app.Services.GetRequiredService<EditorTime>().Local(changed)).ToString("yyyy-MM-dd");
        foreach (var path in new[] { "/de/cities/konstanz", "/en/cities/konstanz", "/de/about", "/en/about" })
        {
            var asOf = (await Html(await app.Get(path))).QuerySelector("[data-role=data-as-of]");
            Assert.NotNull(asOf);
            Assert.Equal(day, asOf.QuerySelector("time")!.GetAttribute("datetime"));
        }
        var german = (await Html(await app.Get("/de/cities/konstanz"))).QuerySelector("[data-role=data-as-of]")!.TextContent;
        Assert.StartsWith("Stand der Daten:", german);
    }

    [Fact]
    public async Task The_about_page_counts_places_countries_and_commitments_from_the_data()
    {
        using var app = new TestApp();
        Task<(int Places, int Countries, int Made, int Withdrawn)> Counts() => app.WithDb(async db => (
            await db.Cities.CountAsync(), await db.Cities.Select(c => c.Country).Distinct().CountAsync(),
            await db.Commitments.CountAsync(c => c.Status == CommitmentStatus.Announced || c.Status == CommitmentStatus.Decided || c.Status == CommitmentStatus.Implemented),
            await db.Commitments.CountAsync(c => c.Status == CommitmentStatus.Revoked || c.Status == CommitmentStatus.Rejected)));
        var before = await Counts();
        var english = (await Html(await app.Get("/en/about"))).QuerySelector("[data-role=counts]")!.TextContent;
        Assert.Equal($"The map shows {before.Places} places in {before.Countries} countries (cities and towns: {before.Places}, districts: 0) with {before.Made} commitments made; {before.Withdrawn} more were revoked or rejected.", english);

        // One more place, a district in a country not on the map yet, with one rejected proposal: the page says so without anyone editing a text.
        await app.WithDb(async db =>
        {
            var city = new MovingCities.Web.Cities.City { Slug = "valletta", Name = "Valletta", Country = "MT", Kind = MovingCities.Web.Cities.PlaceKind.District };
            city.MoveTo(14.51, 35.9);
            city.Commitments.Add(new Commitment { TypeKey = "municipal-reception", Status = CommitmentStatus.Rejected, SourceUrl = "https://example.org/valletta" });
            db.Cities.Add(city);
            await db.SaveChangesAsync();
        });
        var after = await Counts();
        Assert.Equal((before.Places + 1, before.Countries + 1, before.Made, before.Withdrawn + 1), after);
        var german = (await Html(await app.Get("/de/about"))).QuerySelector("[data-role=counts]")!.TextContent;
        Assert.Equal($"Die Karte zeigt {after.Places} Orte in {after.Countries} Ländern (Städte und Gemeinden: {before.Places}, Kreise und Bezirke: 1) mit {after.Made} Zusagen; {after.Withdrawn} weitere wurden aufgehoben oder abgelehnt.", german);
    }

    [Theory]
    [InlineData("/de/cities/osnabruck", "/de/cities/osnabrueck")]
    [InlineData("/de/cities/Osnabr%C3%BCck", "/de/cities/osnabrueck")]
    [InlineData("/en/cities/OSNABRUECK", "/en/cities/osnabrueck")]
    [InlineData("/en/cities/frankfurt%20am%20main", "/en/cities/frankfurt-am-main")]
    public async Task A_city_address_spelled_another_way_moves_permanently_to_the_citys_address(string typed, string canonical)
    {
        using var app = new TestApp();
        var response = await NoRedirects(app).GetAsync(typed);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_old_city_address_spelled_another_way_reaches_the_city_through_its_language_then_a_permanent_move()
    {
        using var app = new TestApp();
        var client = NoRedirects(app);
        // The language depends on the visitor (cookie, Accept-Language): that step stays temporary.
        var language = await client.GetAsync("/cities/osnabruck");
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);
        Assert.Equal("/de/cities/osnabruck", language.Headers.Location!.OriginalString);
        var city = await client.GetAsync(language.Headers.Location);
        Assert.Equal(HttpStatusCode.MovedPermanently, city.StatusCode);
        Assert.Equal("/de/cities/osnabrueck", city.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("de", "/de/cities/osnabruek", "/de/cities/osnabrueck", "Vielleicht meintet ihr")]
    [InlineData("en", "/en/cities/konstanc", "/en/cities/konstanz", "Perhaps you meant")]
    [InlineData("en", "/en/cities/regens", "/en/cities/regensburg", "Perhaps you meant")]
    public async Task A_near_miss_is_not_found_and_offers_the_closest_names(string lang, string typed, string offered, string lead)
    {
        using var app = new TestApp();
        var response = await app.Get(typed);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html(response);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(lead, page.Body!.TextContent);
        Assert.Contains(offered, page.QuerySelectorAll("[data-role=suggestions] a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task An_address_like_no_city_is_not_found_and_offers_no_names()
    {
        using var app = new TestApp();
        var response = await app.Get("/en/cities/xyzzyplugh");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await Html(response)).QuerySelector("[data-role=suggestions]"));
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/icons/icon.svg", "image/svg+xml")]
    [InlineData("/icons/apple-touch-icon.png", "image/png")]
    [InlineData("/icons/icon-192.png", "image/png")]
    [InlineData("/icons/icon-512.png", "image/png")]
    [InlineData("/manifest.webmanifest", "application/manifest+json")]
    public async Task Icons_and_the_manifest_are_served_with_their_types(string path, string mediaType)
    {
        using var app = new TestApp();
        var response = await app.Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task The_manifests_icons_exist_in_the_sizes_it_names_and_every_page_links_the_icons()
    {
        using var app = new TestApp();
        var manifest = await app.GetJson("/manifest.webmanifest");
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray().Where(i => i.GetProperty("type").GetString() == "image/png"))
        {
            var bytes = await (await app.Get(icon.GetProperty("src").GetString()!)).Content.ReadAsByteArrayAsync();
            // A PNG's width and height stand at bytes 16–23 of its IHDR chunk.
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
            var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
        }
        var page = await Html(await app.Get("/en/about"));
        Assert.NotNull(page.QuerySelector("link[rel=icon][href='/favicon.ico']"));
        Assert.NotNull(page.QuerySelector("link[rel=icon][type='image/svg+xml'][href='/icons/icon.svg']"));
        Assert.NotNull(page.QuerySelector("link[rel=apple-touch-icon][href='/icons/apple-touch-icon.png']"));
        Assert.NotNull(page.QuerySelector("link[rel=manifest][href='/manifest.webmanifest']"));
    }

    [Fact]
    public async Task Every_public_page_names_one_absolute_canonical_address_its_own_in_its_language()
    {
        using var app = new TestApp();
        const string post = "tageskonferenz-kommunen-als-sichere-haefen";
        foreach (var lang in new[] { "de", "en" })
        foreach (var path in new[] { "", "/about", "/news", "/news?city=konstanz", $"/news/{post}", "/cities/konstanz", "/propose" })
        {
            var address = $"/{lang}{path}";
            var response = await app.Get(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var canonicals = (await Html(response)).QuerySelectorAll("link[rel=canonical]");
            var canonical = Assert.Single(canonicals).GetAttribute("href")!;
            Assert.True(Uri.TryCreate(canonical, UriKind.Absolute, out var uri), $"{address}: {canonical} is not absolute");
            Assert.Equal("http://localhost" + address.Split('?')[0], uri.GetLeftPart(UriPartial.Path));
            Assert.Equal("", uri.Query);
        }
    }
}
