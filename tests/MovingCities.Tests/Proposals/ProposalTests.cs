using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Commitments;
using MovingCities.Web.Geodata;
using MovingCities.Web.History;
using MovingCities.Web.Proposals;

namespace MovingCities.Tests.Proposals;

public class ProposalTests
{
    static readonly string[] FieldNames = ["city", "type", "status", "date", "summary", "sourceUrl", "email"];

    static Dictionary<string, string> Valid(string city = "hanau", string type = "safe-harbour-declaration", string status = "decided",
        string date = "2019-06", string summary = "Der Stadtrat erklärte Hanau zum Sicheren Hafen.", string source = "https://example.org/hanau",
        string email = "local-group@example.org") => new()
    {
        ["city"] = city, ["place"] = "", ["type"] = type, ["status"] = status, ["date"] = date, ["summary"] = summary,
        ["sourceUrl"] = source, ["email"] = email, ["website"] = "",
    };

    static Task<HttpResponseMessage> Propose(Editor visitor, Dictionary<string, string> fields, string lang = "de") =>
        visitor.PostForm($"/{lang}/propose", fields);

    static Task<List<Proposal>> Stored(TestApp app) => app.WithDb(db => db.Proposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync());

    [Theory]
    [InlineData("de", "Zusage oder Korrektur vorschlagen")]
    [InlineData("en", "Propose a commitment or a correction")]
    public async Task The_form_is_public_in_both_languages_with_fields_named_after_their_words_and_a_link_preselects(string lang, string title)
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);

        var page = await visitor.Page($"/{lang}/propose?city=konstanz&type=sea-rescue-support");

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        var form = page.QuerySelector("form[data-role=proposal]")!;
        foreach (var name in FieldNames)
            Assert.NotNull(form.QuerySelector($"[name={name}]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("konstanz", form.QuerySelector("select[name=city] option[selected]")!.GetAttribute("value"));
        Assert.Equal("sea-rescue-support", form.QuerySelector("select[name=type] option[selected]")!.GetAttribute("value"));
        // An unknown city or type in a link preselects nothing
        var unknown = await visitor.Page($"/{lang}/propose?city=atlantis&type=nope");
        Assert.Null(unknown.QuerySelector("select[name=city] option[selected]"));
    }

    [Fact]
    public async Task City_pages_and_about_link_to_the_form_with_the_city_and_type()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);

        var city = await visitor.Page("/de/cities/konstanz");
        Assert.Contains(city.QuerySelectorAll("a[data-role=propose-correction]"), a => a.GetAttribute("href") == "/de/propose?city=konstanz&type=sea-rescue-support");
        Assert.NotNull(city.QuerySelector("[data-role=propose] a[href='/de/propose?city=konstanz']"));
        var about = await visitor.Page("/en/about");
        Assert.NotNull(about.QuerySelector("#corrections + p a[href='/en/propose']"));
    }

    [Fact]
    public async Task A_valid_proposal_is_stored_as_pending_and_changes_nothing_public()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);
        var before = await app.GetJson("/api/cities/hanau");

        var response = await Propose(visitor, Valid());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/de/propose?sent=true", response.Headers.Location!.OriginalString);
        var sent = await visitor.Page("/de/propose?sent=true");
        Assert.NotNull(sent.QuerySelector("[data-role=sent]"));
        var proposal = Assert.Single(await Stored(app));
        Assert.Equal(ProposalState.Pending, proposal.State);
        Assert.Equal(("hanau", "safe-harbour-declaration", CommitmentStatus.Decided, "2019-06", "de", "local-group@example.org"),
            (proposal.CitySlug, proposal.TypeKey, proposal.Status, proposal.Date, proposal.Language, proposal.Email));
        Assert.Equal(before.GetRawText(), (await app.GetJson("/api/cities/hanau")).GetRawText());
    }

    [Fact]
    public async Task A_new_place_is_taken_by_a_name_the_gazetteer_knows()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);

        var unknown = await Propose(visitor, Valid(city: "") .With("place", "Xqzzyville"));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("Xqzzyville", await unknown.Content.ReadAsStringAsync());
        Assert.Empty(await Stored(app));

        Assert.Equal(HttpStatusCode.Redirect, (await Propose(visitor, Valid(city: "").With("place", "Wuppertal"))).StatusCode);
        var proposal = Assert.Single(await Stored(app));
        Assert.Equal((null, "Wuppertal"), (proposal.CitySlug, proposal.PlaceName));
    }

    [Theory]
    [InlineData("de", "Quelle")]
    [InlineData("en", "Source")]
    public async Task Bad_input_shows_the_form_again_with_messages_and_everything_typed(string lang, string sourceLabel)
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);
        var fields = Valid(date: "2019-13", source: "javascript:alert(1)", summary: "Keep this text 😀", email: "not an email");
        fields["type"] = "no-such-type";

        var response = await Propose(visitor, fields, lang);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.True(page.QuerySelectorAll(".field-validation-error").Length >= 4);
        Assert.Equal("Keep this text 😀", page.QuerySelector("textarea[name=summary]")!.TextContent);
        Assert.Equal("2019-13", page.QuerySelector("input[name=date]")!.GetAttribute("value"));
        Assert.Equal("javascript:alert(1)", page.QuerySelector("input[name=sourceUrl]")!.GetAttribute("value"));
        Assert.Equal("not an email", page.QuerySelector("input[name=email]")!.GetAttribute("value"));
        Assert.Equal("hanau", page.QuerySelector("select[name=city] option[selected]")!.GetAttribute("value"));
        Assert.Contains(sourceLabel, page.QuerySelector("label[for=sourceUrl]")!.TextContent);

        var missing = await Propose(visitor, Valid(source: "", summary: new string('x', ProposalRules.MaxSummaryLength + 1)), lang);
        var refused = new HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.True(refused.QuerySelectorAll(".field-validation-error").Length >= 2);
        Assert.Empty(await Stored(app));
    }

    [Fact]
    public async Task A_filled_honeypot_pretends_success_and_stores_nothing()
    {
        using var app = new TestApp();
        var response = await Propose(Editor.Anonymous(app), Valid().With("website", "https://spam.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await Stored(app));
    }

    [Fact]
    public async Task The_sixth_proposal_within_an_hour_from_one_address_gets_429_saying_when_to_try_again()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);
        for (var i = 0; i < ProposalRules.PerWindow; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await Propose(visitor, Valid(source: $"https://example.org/{i}"))).StatusCode);

        var sixth = await Propose(visitor, Valid(source: "https://example.org/6"), "en");

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = int.Parse(sixth.Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 3600);
        var page = new HtmlParser().ParseDocument(await sixth.Content.ReadAsStringAsync());
        Assert.Contains("try again in", page.QuerySelector("[data-role=refusal]")!.TextContent);
        Assert.Equal("https://example.org/6", page.QuerySelector("input[name=sourceUrl]")!.GetAttribute("value"));
        Assert.Equal(ProposalRules.PerWindow, (await Stored(app)).Count);
    }

    [Fact]
    public async Task The_queue_shows_what_a_proposal_says_as_text_never_as_markup()
    {
        using var app = new TestApp();
        const string script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        const string source = "https://example.org/?q=<script>alert(2)</script>";
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(Editor.Anonymous(app), Valid(summary: script, source: source, email: "a@example.org"))).StatusCode);
        var editor = await Editor.SignIn(app);

        var response = await editor.Client.GetAsync("/admin/proposals");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img src=x", html);
        var page = new HtmlParser().ParseDocument(html);
        var item = page.QuerySelector("[data-proposal]")!;
        Assert.Equal(script, item.QuerySelector("[data-role=summary]")!.TextContent);
        Assert.Equal(source, item.QuerySelector("a[data-role=source]")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("main script, [data-proposal] script, [data-proposal] img"));
        Assert.Contains("Would add", item.QuerySelector("[data-role=change]")!.TextContent);
        var dashboard = await editor.Page("/admin");
        Assert.Contains("(1)", dashboard.QuerySelector("a[data-role=proposals]")!.TextContent);
    }

    [Fact]
    public async Task Accepting_adds_the_commitment_with_the_proposals_source_and_today_keeps_the_others_and_clears_the_email()
    {
        using var app = new TestApp();
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(Editor.Anonymous(app), Valid(city: "konstanz", source: "https://example.org/konstanz-hafen"))).StatusCode);
        var editor = await Editor.SignIn(app);
        var queue = await editor.Page("/admin/proposals");
        var accept = queue.QuerySelector("form[data-role=accept]")!;
        var fields = accept.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

        var response = await editor.PostForm(accept.GetAttribute("action")!, fields, "/admin/proposals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var city = await app.GetJson("/api/cities/konstanz");
        var commitments = city.GetProperty("properties").GetProperty("commitments").EnumerateArray().ToList();
        Assert.Equal(2, commitments.Count);
        Assert.Contains(commitments, c => c.GetProperty("type").GetString() == "sea-rescue-support");
        var added = commitments.Single(c => c.GetProperty("type").GetString() == "safe-harbour-declaration");
        Assert.Equal("https://example.org/konstanz-hafen", added.GetProperty("sourceUrl").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), added.GetProperty("lastVerified").GetString());
        Assert.Equal("2019-06", added.GetProperty("date").GetString());
        var proposal = Assert.Single(await Stored(app));
        Assert.Equal((ProposalState.Accepted, "editor@example.org", null), (proposal.State, proposal.Reviewer, proposal.Email));
        Assert.NotNull(proposal.ReviewedAtUtc);
        var change = await app.WithDb(db => db.Changes.SingleAsync(c => c.Subject == ChangeSubjects.Commitment));
        Assert.Equal(("created", ChangeOrigins.Proposal), (change.Action, change.Origin));
        Assert.Equal(1, await app.WithDb(db => db.Cities.Where(c => c.Slug == "konstanz").Select(c => c.Version).SingleAsync()));
        var history = await editor.Page($"/admin/cities/{change.SubjectId}");
        Assert.Contains("from a public proposal", history.QuerySelector("[data-role=history]")!.TextContent);
        Assert.NotNull((await editor.Page("/admin/proposals")).QuerySelector("[data-role=no-proposals]"));
    }

    [Fact]
    public async Task A_correction_changes_the_citys_commitment_of_that_type_and_can_be_edited_before_accepting()
    {
        using var app = new TestApp();
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(Editor.Anonymous(app),
            Valid(city: "konstanz", type: "sea-rescue-support", status: "revoked", date: "2024-02", source: "https://example.org/revoked"))).StatusCode);
        var editor = await Editor.SignIn(app);
        var queue = await editor.Page("/admin/proposals");
        Assert.Contains("→", queue.QuerySelector("[data-role=change]")!.TextContent);
        var form = queue.QuerySelector("form[data-role=edit-accept]")!;
        var fields = form.QuerySelectorAll("input, select").Where(i => i.GetAttribute("name") is { } n && n != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.LocalName == "select" ? i.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : i.GetAttribute("value") ?? "");
        Assert.NotEqual("", fields["Commitment.Id"]);
        fields["Commitment.Date"] = "2024-02-13";

        var badDate = await editor.PostForm(form.GetAttribute("action")!, fields.With("Commitment.Date", "2024-02-31"), "/admin/proposals");
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Equal(ProposalState.Pending, Assert.Single(await Stored(app)).State);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostForm(form.GetAttribute("action")!, fields, "/admin/proposals")).StatusCode);

        var commitments = (await app.GetJson("/api/cities/konstanz")).GetProperty("properties").GetProperty("commitments").EnumerateArray().ToList();
        var changed = Assert.Single(commitments);
        Assert.Equal(("sea-rescue-support", "revoked", "2024-02-13", "https://example.org/revoked"),
            (changed.GetProperty("type").GetString(), changed.GetProperty("status").GetString(), changed.GetProperty("date").GetString(), changed.GetProperty("sourceUrl").GetString()));
        Assert.Equal("updated", await app.WithDb(db => db.Changes.Select(c => c.Action).SingleAsync()));
    }

    [Fact]
    public async Task An_accepted_proposal_can_be_taken_back_from_the_citys_history_and_a_correction_restores_the_old_commitment()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(visitor, Valid(city: "konstanz", source: "https://example.org/konstanz-hafen"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(visitor,
            Valid(city: "konstanz", type: "sea-rescue-support", status: "revoked", date: "2024-02", source: "https://example.org/revoked"))).StatusCode);
        var editor = await Editor.SignIn(app);
        for (var i = 0; i < 2; i++)
        {
            var accept = (await editor.Page("/admin/proposals")).QuerySelector("form[data-role=accept]")!;
            var fields = accept.QuerySelectorAll("input[type=hidden]").Where(input => input.GetAttribute("name") != "__RequestVerificationToken")
                .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostForm(accept.GetAttribute("action")!, fields, "/admin/proposals")).StatusCode);
        }
        var before = (await app.GetJson("/api/cities/konstanz")).GetProperty("properties").GetProperty("commitments").EnumerateArray()
            .Select(c => (c.GetProperty("type").GetString(), c.GetProperty("status").GetString())).Order().ToList();
        Assert.Equal([("safe-harbour-declaration", "decided"), ("sea-rescue-support", "revoked")], before);

        var cityId = await app.WithDb(db => db.Cities.Where(c => c.Slug == "konstanz").Select(c => c.Id).SingleAsync());
        // The newest change of a commitment whose history entry names the type: the undo offered there.
        async Task Undo(string type)
        {
            var page = await editor.Page($"/admin/cities/{cityId}");
            var form = page.QuerySelectorAll("[data-role=history] li").First(li => li.TextContent.Contains($"\"Type\": \"{type}\"") || li.TextContent.Contains($"\"type\": \"{type}\""))
                .QuerySelector("form[data-role=undo]")!;
            var fields = form.QuerySelectorAll("input[type=hidden]").Where(input => input.GetAttribute("name") != "__RequestVerificationToken")
                .ToDictionary(input => input.GetAttribute("name")!, input => input.GetAttribute("value") ?? "");
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostForm(form.GetAttribute("action")!, fields, $"/admin/cities/{cityId}")).StatusCode);
        }
        await Undo("sea-rescue-support"); // the correction to revoked
        var restored = Assert.Single((await app.GetJson("/api/cities/konstanz")).GetProperty("properties").GetProperty("commitments").EnumerateArray(),
            c => c.GetProperty("type").GetString() == "sea-rescue-support");
        Assert.Equal("implemented", restored.GetProperty("status").GetString());
        Assert.StartsWith("https://moving-cities.eu/", restored.GetProperty("sourceUrl").GetString());

        await Undo("safe-harbour-declaration"); // the added declaration
        var after = (await app.GetJson("/api/cities/konstanz")).GetProperty("properties").GetProperty("commitments").EnumerateArray()
            .Select(c => c.GetProperty("type").GetString()).ToList();
        Assert.Equal(["sea-rescue-support"], after);
        var undone = await app.WithDb(db => db.Changes.Where(c => c.Action == "undone").CountAsync());
        Assert.Equal(2, undone);
        Assert.Contains("taken back", (await editor.Page($"/admin/cities/{cityId}")).QuerySelector("[data-role=history]")!.TextContent);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_keeps_the_proposal_and_clears_the_email()
    {
        using var app = new TestApp();
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(Editor.Anonymous(app), Valid())).StatusCode);
        var editor = await Editor.SignIn(app);
        var id = (await Stored(app)).Single().Id;

        var noReason = await editor.PostForm($"/admin/proposals?handler=Reject&id={id}", new() { ["reason"] = " " }, "/admin/proposals");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Say why", await noReason.Content.ReadAsStringAsync());

        var rejected = await editor.PostForm($"/admin/proposals?handler=Reject&id={id}", new() { ["reason"] = "The source says it was only discussed." }, "/admin/proposals");

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var proposal = Assert.Single(await Stored(app));
        Assert.Equal((ProposalState.Rejected, "The source says it was only discussed.", "editor@example.org", null),
            (proposal.State, proposal.Reason, proposal.Reviewer, proposal.Email));
        Assert.Empty((await app.GetJson("/api/cities/hanau")).GetProperty("properties").GetProperty("commitments").EnumerateArray());
    }

    [Fact]
    public async Task Export_writes_the_proposals_as_their_own_file_without_emails()
    {
        using var app = new TestApp();
        var visitor = Editor.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(visitor, Valid(email: "secret-one@example.org"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Propose(visitor, Valid(city: "bern", email: "secret-two@example.org"))).StatusCode);
        var editor = await Editor.SignIn(app);
        var first = (await Stored(app)).First().Id;
        await editor.PostForm($"/admin/proposals?handler=Reject&id={first}", new() { ["reason"] = "Duplicate" }, "/admin/proposals");
        var folder = Directory.CreateTempSubdirectory("movingcities-export-").FullName;

        await app.WithDb(db => new GeodataExport(db).ExportAsync(folder));

        var json = await File.ReadAllTextAsync(Path.Combine(folder, GeodataFiles.Proposals));
        Assert.DoesNotContain("secret-", json);
        Assert.DoesNotContain("email", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", json); // nor the reviewing editor's account
        var items = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        Assert.Equal(["rejected", "pending"], items.Select(i => i.GetProperty("state").GetString()));
        Assert.Equal("Duplicate", items[0].GetProperty("reason").GetString());
        Assert.Equal("bern", items[1].GetProperty("city").GetString());
    }
}

static class FieldsExtensions
{
    public static Dictionary<string, string> With(this Dictionary<string, string> fields, string name, string value) =>
        new(fields) { [name] = value };
}
