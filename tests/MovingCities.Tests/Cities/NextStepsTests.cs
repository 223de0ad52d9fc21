using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;

namespace MovingCities.Tests.Cities;

/// <summary>What a city could do next, on the fixture as seeded (TestData/geodata: 11 cities, few commitments).</summary>
public class NextStepsTests(SeededApp app) : IClassFixture<SeededApp>
{
    static JsonElement Step(JsonElement city, string type) =>
        city.GetProperty("properties").GetProperty("nextSteps").EnumerateArray().Single(s => s.GetProperty("type").GetString() == type);

    static string[] Nearest(JsonElement step) =>
        step.GetProperty("nearest").EnumerateArray().Select(n => n.GetProperty("slug").GetString()!).ToArray();

    [Fact]
    public async Task The_api_lists_the_types_a_city_has_not_made_in_catalogue_order_with_counts_and_the_nearest_first()
    {
        var konstanz = await app.GetJson("/api/cities/konstanz");
        var steps = konstanz.GetProperty("properties").GetProperty("nextSteps").EnumerateArray().ToArray();
        var catalogue = (await app.GetJson("/api/commitment-types")).EnumerateArray().Select(t => t.GetProperty("key").GetString()).ToArray();

        Assert.Equal(catalogue.Where(key => key != "sea-rescue-support"), steps.Select(s => s.GetProperty("type").GetString()));
        var admission = Step(konstanz, "additional-admission");
        Assert.Equal(2, admission.GetProperty("cities").GetInt32());
        Assert.Equal(["osnabrueck", "hannover"], Nearest(admission));
        var osnabrueck = admission.GetProperty("nearest")[0];
        Assert.Equal("Osnabrück", osnabrueck.GetProperty("name").GetString());
        Assert.Equal(519.1, osnabrueck.GetProperty("km").GetDouble());
        Assert.Equal(JsonValueKind.Null, osnabrueck.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, admission.GetProperty("revoked").ValueKind);
        Assert.Equal("Zusätzliche Aufnahme", admission.GetProperty("title").GetProperty("de").GetString());
        Assert.Equal("Additional admission", admission.GetProperty("title").GetProperty("en").GetString());

        var residence = Step(konstanz, "residence-support");
        Assert.Equal(1, residence.GetProperty("cities").GetInt32());
        Assert.Equal(277.7, residence.GetProperty("nearest")[0].GetProperty("km").GetDouble());
        var declaration = Step(konstanz, "safe-harbour-declaration");
        Assert.Equal(0, declaration.GetProperty("cities").GetInt32());
        Assert.Empty(declaration.GetProperty("nearest").EnumerateArray());

        // Existing properties are still there, as they were.
        Assert.Equal("sea-rescue-support", konstanz.GetProperty("properties").GetProperty("commitments")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task At_most_three_nearest_are_named_and_the_count_says_how_many_have()
    {
        var frankfurt = await app.GetJson("/api/cities/frankfurt-am-main");
        var seaRescue = Step(frankfurt, "sea-rescue-support");
        Assert.Equal(5, seaRescue.GetProperty("cities").GetInt32());
        Assert.Equal(["bochum", "regensburg", "konstanz"], Nearest(seaRescue));
        var km = seaRescue.GetProperty("nearest").EnumerateArray().Select(n => n.GetProperty("km").GetDouble()).ToArray();
        Assert.Equal(km.Order(), km);

        var wiesbaden = await app.GetJson("/api/cities/wiesbaden");
        Assert.DoesNotContain(wiesbaden.GetProperty("properties").GetProperty("nextSteps").EnumerateArray(),
            s => s.GetProperty("type").GetString() == "residence-support");
    }

    async Task<IHtmlDocument> Page(string path)
    {
        var response = await app.Get(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("de", "Was hier noch möglich wäre", "5 Orte haben diese Zusage gegeben.", "184 km")]
    [InlineData("en", "What this place could do next", "5 cities have made this commitment.", "184 km")]
    public async Task The_city_page_invites_with_what_others_have_done_nearest_first(string lang, string heading, string count, string distance)
    {
        var page = await Page($"/{lang}/cities/frankfurt-am-main");

        var section = page.QuerySelector("section#next-steps")!;
        Assert.Equal(heading, section.QuerySelector("h2")!.TextContent);
        var seaRescue = section.QuerySelector("[data-next-step=sea-rescue-support]")!;
        Assert.Equal(count, seaRescue.QuerySelector("[data-role=count]")!.TextContent);
        var nearest = seaRescue.QuerySelectorAll("[data-city]").ToArray();
        Assert.Equal(["bochum", "regensburg", "konstanz"], nearest.Select(n => n.GetAttribute("data-city")));
        Assert.Equal($"/{lang}/cities/bochum", nearest[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(distance, nearest[0].QuerySelector("[data-role=distance]")!.TextContent);
        // The section follows the commitments.
        Assert.Equal(section, page.QuerySelector("section[aria-labelledby=commitments]")!.NextElementSibling);
    }
}

/// <summary>What a city could do next after the data changed: revocations, a rejection, a city that has done everything.</summary>
public class NextStepsAfterChangesTests(NextStepsAfterChangesTests.Changed app) : IClassFixture<NextStepsAfterChangesTests.Changed>
{
    /// <summary>
    /// One app whose data is changed once, after the next steps were first asked for (so they must be rebuilt):
    /// Konstanz's sea rescue support revoked in March 2024 and a proposal for residence support rejected (undated),
    /// Offenbach (6.1 km from Frankfurt) supporting sea rescue since July 2019, and Bern having made every type.
    /// </summary>
    public sealed class Changed : IAsyncLifetime
    {
        public TestApp App { get; } = new();

        public async Task InitializeAsync()
        {
            Assert.Equal(JsonValueKind.Null, NextStepsAfterChangesTests.Step(await App.GetJson("/api/cities/frankfurt-am-main"), "sea-rescue-support")
                .GetProperty("nearest")[0].GetProperty("date").ValueKind);
            await App.WithDb(async db =>
            {
                var konstanz = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "konstanz");
                var seaRescue = konstanz.Commitments.Single(c => c.TypeKey == "sea-rescue-support");
                seaRescue.Status = CommitmentStatus.Revoked;
                seaRescue.Date = "2024-03";
                konstanz.Commitments.Add(new Commitment
                {
                    TypeKey = "residence-support", Status = CommitmentStatus.Rejected, SourceUrl = "https://example.org/vote",
                });
                var offenbach = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "offenbach-am-main");
                offenbach.Commitments.Add(new Commitment
                {
                    TypeKey = "sea-rescue-support", Status = CommitmentStatus.Decided, Date = "2019-07", SourceUrl = "https://example.org/offenbach",
                });
                offenbach.Commitments.Add(new Commitment
                {
                    TypeKey = "sea-rescue-support", Status = CommitmentStatus.Implemented, Date = "2020-02-01", SourceUrl = "https://example.org/offenbach",
                });
                var bern = await db.Cities.Include(c => c.Commitments).SingleAsync(c => c.Slug == "bern");
                foreach (var type in await db.CommitmentTypes.Where(t => t.Key != "sea-rescue-support").ToListAsync())
                    bern.Commitments.Add(new Commitment { TypeKey = type.Key, Status = CommitmentStatus.Announced, SourceUrl = "https://example.org/bern" });
                await db.SaveChangesAsync();
            });
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    internal static JsonElement Step(JsonElement city, string type) =>
        city.GetProperty("properties").GetProperty("nextSteps").EnumerateArray().Single(s => s.GetProperty("type").GetString() == type);

    [Fact]
    public async Task A_revoked_commitment_counts_as_not_made_and_says_when_it_was_revoked()
    {
        var konstanz = await app.App.GetJson("/api/cities/konstanz");
        var seaRescue = Step(konstanz, "sea-rescue-support");
        Assert.Equal("""{"status":"revoked","year":2024}""", seaRescue.GetProperty("revoked").GetRawText());
        Assert.Equal(5, seaRescue.GetProperty("cities").GetInt32()); // Bern, Bochum, Greifswald, Regensburg, Offenbach

        Assert.Equal("""{"status":"rejected","year":null}""", Step(konstanz, "residence-support").GetProperty("revoked").GetRawText());
        Assert.Equal(2, Step(konstanz, "residence-support").GetProperty("cities").GetInt32()); // Wiesbaden, and Bern now
    }

    [Fact]
    public async Task Other_cities_no_longer_count_a_revoked_commitment_and_see_the_new_nearest_with_its_first_date()
    {
        var frankfurt = await app.App.GetJson("/api/cities/frankfurt-am-main");
        var seaRescue = Step(frankfurt, "sea-rescue-support");
        Assert.Equal(5, seaRescue.GetProperty("cities").GetInt32());
        var nearest = seaRescue.GetProperty("nearest");
        Assert.Equal(["offenbach-am-main", "bochum", "regensburg"], nearest.EnumerateArray().Select(n => n.GetProperty("slug").GetString()));
        Assert.Equal(6.1, nearest[0].GetProperty("km").GetDouble());
        Assert.Equal("2019-07", nearest[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task A_city_that_has_made_every_type_has_no_next_steps_and_its_page_says_so()
    {
        var bern = await app.App.GetJson("/api/cities/bern");
        Assert.Empty(bern.GetProperty("properties").GetProperty("nextSteps").EnumerateArray());

        var page = new HtmlParser().ParseDocument(await (await app.App.Get("/de/cities/bern")).Content.ReadAsStringAsync());
        Assert.Equal("Bern hat jede Zusage gegeben, die die Karte kennt. Danke!", page.QuerySelector("#next-steps [data-role=all-made]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-next-step]"));
    }

    [Theory]
    [InlineData("de", "6,1 km", "seit Juli 2019", "2024 aufgehoben", "abgelehnt")]
    [InlineData("en", "6.1 km", "since July 2019", "revoked in 2024", "rejected")]
    public async Task The_page_writes_distances_dates_and_revocations_in_its_language(string lang, string km, string since, string revoked, string rejected)
    {
        var frankfurt = new HtmlParser().ParseDocument(await (await app.App.Get($"/{lang}/cities/frankfurt-am-main")).Content.ReadAsStringAsync());
        var offenbach = frankfurt.QuerySelector("[data-next-step=sea-rescue-support] [data-city=offenbach-am-main]")!;
        Assert.Equal("Offenbach am Main", offenbach.QuerySelector("a")!.TextContent);
        Assert.Equal(km, offenbach.QuerySelector("[data-role=distance]")!.TextContent);
        Assert.EndsWith(since, offenbach.TextContent);

        var konstanz = new HtmlParser().ParseDocument(await (await app.App.Get($"/{lang}/cities/konstanz")).Content.ReadAsStringAsync());
        Assert.Equal($" · {revoked}", konstanz.QuerySelector("[data-next-step=sea-rescue-support] [data-role=revoked]")!.TextContent);
        Assert.Equal($" · {rejected}", konstanz.QuerySelector("[data-next-step=residence-support] [data-role=revoked]")!.TextContent);
    }
}
