using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Geodata;
using MovingCities.Web.Geodata.Facts;

namespace MovingCities.Tests.Geodata;

/// <summary>
/// The project's real geodata/: valid, placed, sourced, and complete against the facts file it was made from
/// (geodata/sources/, in the repository). Nothing here pins a count of the live data: each test states the rule
/// the data must keep however it grows.
/// </summary>
public class RealGeodataTests
{
    static readonly Lazy<Gazetteer> SharedGazetteer = new(() => Gazetteer.Load(TestApp.RepoGeodata));
    static readonly Lazy<GeodataSet> Data = new(() => GeodataReader.Read(TestApp.RepoGeodata));
    const string ConferencePost = "https://moving-cities.eu/de/aktuelles/tageskonferenz-kommunen-als-sichere-haefen-erfahrungen-and-perspektiven";

    /// <summary>The facts files merged into geodata/, in the order merged (geodata/sources/README.md), named in facts-report.md.</summary>
    static readonly string[] FactsCsvs = ["solidarity-commitments.csv", "solidarity-commitments-2.csv", "solidarity-commitments-3.csv",
        "solidarity-commitments-4.csv", "solidarity-commitments-5.csv"];

    static string FactsPath(string file) => Path.Combine(TestApp.RepoGeodata, "sources", file);

    static List<FactRow> AllRows() => FactsCsvs.SelectMany(file => FactsFile.Read(FactsPath(file))).ToList();

    static string CommittedReport => File.ReadAllText(Path.Combine(TestApp.RepoGeodata, "facts-report.md"));

    /// <summary>The rows a facts report lists as not placed or skipped, one table line each (file, line, …).</summary>
    static string[] ReportedRows(string report) =>
        report.Split('\n').Where(line => Regex.IsMatch(line, @"^\| solidarity-commitments[^|]*\.csv \| \d+ \| ")).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_place_named_as_a_district_is_marked_as_one()
    {
        // Landkreis, Kreis, Region Hannover, a city's Bezirk: their councils speak for more or less than one municipality.
        var named = new Regex(@"^(Landkreis |Kreis |Region Hannover$|Städteregion )|-Kreis$| – .*district");
        var unmarked = Data.Value.Cities.Where(c => named.IsMatch(c.Name) && c.Kind != MovingCities.Web.Cities.PlaceKind.District).Select(c => c.Name);
        Assert.Empty(unmarked);
        Assert.Contains(Data.Value.Cities, c => c.Kind == MovingCities.Web.Cities.PlaceKind.District);
    }

    [Fact]
    public void The_real_geodata_passes_validation()
    {
        var result = GeodataValidator.Validate(TestApp.RepoGeodata, SharedGazetteer.Value);
        Assert.Empty(result.Problems);
        // Validated means every feature of the file was read, not some.
        var features = JsonNode.Parse(File.ReadAllText(Path.Combine(TestApp.RepoGeodata, GeodataFiles.Cities)))!["features"]!.AsArray();
        Assert.Equal(features.Count, result.Data!.Cities.Count);
    }

    [Fact]
    public void Every_city_has_a_source_and_comes_from_the_facts_file_or_a_news_post()
    {
        var factsPlaces = AllRows().Select(r => (r.City.Trim(), r.Country.Trim())).ToHashSet();
        var members = Data.Value.Networks.SelectMany(n => n.Members).Where(m => m.SourceUrl is not null).Select(m => m.City).ToHashSet();
        var tagged = Data.Value.News.Where(p => p.Source is not null).SelectMany(p => p.Cities).ToHashSet();
        var unsourced = Data.Value.Cities
            .Where(c => c.Commitments.Count == 0 && c.ProfileUrl is null && !members.Contains(c.Slug!) && !tagged.Contains(c.Slug!))
            .Select(c => c.Slug).ToList();
        var fromNowhere = Data.Value.Cities
            .Where(c => !factsPlaces.Contains((c.Name, c.Country)) && !Data.Value.News.Any(p => p.Cities.Contains(c.Slug!)))
            .Select(c => c.Slug).ToList();
        Assert.Empty(unsourced);
        Assert.Empty(fromNowhere);
    }

    [Fact]
    public void The_conference_post_is_tagged_with_its_eleven_cities_and_their_sourced_commitments()
    {
        var post = Data.Value.News.Single(p => p.Source == ConferencePost);
        Assert.Equal("2025-11-20", post.Date);
        Assert.Equal("de", post.Language);
        Assert.Equal(
            ["bern", "bochum", "frankfurt-am-main", "greifswald", "hanau", "hannover", "konstanz", "offenbach-am-main", "osnabrueck", "regensburg", "wiesbaden"],
            post.Cities.Order());

        CommitmentRecord FromPost(string slug, string type) =>
            Data.Value.Cities.Single(c => c.Slug == slug).Commitments.Single(c => c.Type == type && c.SourceUrl == ConferencePost);
        foreach (var slug in new[] { "bochum", "konstanz", "bern", "regensburg", "greifswald" })
            Assert.NotNull(FromPost(slug, "sea-rescue-support"));
        Assert.Contains("tolerated", FromPost("wiesbaden", "residence-support").Summary?.En);
        Assert.Contains("Afghanistan", FromPost("osnabrueck", "additional-admission").Summary?.En);
        Assert.Contains("Gaza", FromPost("hannover", "additional-admission").Summary?.En);
    }

    [Fact]
    public void Every_row_of_every_facts_file_is_in_geodata_or_listed_in_the_report_with_a_reason()
    {
        var rules = FactsRules.Load(TestApp.RepoGeodata);
        var report = CommittedReport;
        var missing = new List<string>();
        var placed = 0;
        foreach (var file in FactsCsvs)
        {
            Assert.True(File.Exists(FactsPath(file)), $"the facts file is expected in the repository at {FactsPath(file)}");
            var rows = FactsFile.Read(FactsPath(file));
            Assert.NotEmpty(rows);
            // The committed report describes these very files: each named, every row read.
            Assert.Contains($"`{file}`", report);
            Assert.Contains($"{file}: {rows.Count}", report);
            foreach (var row in rows)
            {
                var city = Data.Value.Cities.SingleOrDefault(c => c.Name == row.City && c.Country == row.Country);
                var live = row.Status is "declared" or "implemented";
                var found = city is not null && row.Commitment switch
                {
                    "featured-city" => city.ProfileUrl == row.SourceUrl,
                    "solidarity-city-network" when live => Data.Value.Networks.Any(n => n.Members.Any(m => m.City == city.Slug && m.SourceUrl == row.SourceUrl)),
                    "solidarity-city-network" => city.Commitments.Any(c => c.Type == rules.NetworkRowsNotMemberships!.Type && c.SourceUrl == row.SourceUrl),
                    "other" => city.Commitments.Any(c => c.Type == rules.OtherTypeFor(row)!.Type && c.SourceUrl == row.SourceUrl),
                    _ => city.Commitments.Any(c => c.Type == row.Commitment && c.SourceUrl == row.SourceUrl),
                };
                var reported = report.Contains($"| {file} | {row.Line} | {row.City} |");
                if (found) placed++;
                if (!found && !reported)
                    missing.Add($"{file} line {row.Line}: {row.City} {row.Commitment} {row.SourceUrl}");
                Assert.False(found && reported, $"{file} line {row.Line}: {row.City} is both in geodata and reported as not placed");
            }
        }
        Assert.Empty(missing);
        Assert.Equal(AllRows().Count, placed + ReportedRows(report).Length);
    }

    [Fact]
    public void Rejected_and_revoked_rows_keep_their_status_date_and_source_never_the_old_state()
    {
        var rows = AllRows();
        var rules = FactsRules.Load(TestApp.RepoGeodata);
        foreach (var row in rows.Where(r => r.Status is "rejected" or "revoked"))
        {
            var city = Data.Value.Cities.SingleOrDefault(c => c.Name == row.City && c.Country == row.Country);
            if (city is null)
                continue; // reported, checked above
            var commitment = Assert.Single(city.Commitments, c => c.SourceUrl == row.SourceUrl);
            Assert.Equal(row.Status, commitment.Status);
            Assert.Equal(string.IsNullOrEmpty(row.Date) ? null : row.Date, commitment.Date);
        }
        var denzlingen = Data.Value.Cities.Single(c => c.Name == "Denzlingen").Commitments.Single();
        Assert.Equal(("safe-harbour-alliance", "revoked", "2020-11"), (denzlingen.Type, denzlingen.Status, denzlingen.Date));
        // A row whose own note says the model ended is recorded as revoked by rule, not as its old state.
        var riace = Data.Value.Cities.Single(c => c.Name == "Riace").Commitments.Single();
        Assert.Equal("revoked", riace.Status);
        Assert.NotNull(rules.Statuses!.Single(s => s.City == "Riace").Why);
        Assert.Equal(49, Data.Value.Cities.SelectMany(c => c.Commitments).Count(c => c.Status == "rejected"));
    }

    [Fact]
    public void The_real_data_has_the_merged_counts()
    {
        Assert.Equal(804, Data.Value.Cities.Count);
        var commitments = Data.Value.Cities.SelectMany(c => c.Commitments).ToList();
        Assert.Equal(839, commitments.Count);
        Assert.Equal(
            new Dictionary<string, int> { ["announced"] = 240, ["decided"] = 427, ["implemented"] = 116, ["rejected"] = 49, ["revoked"] = 7 },
            commitments.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(10, Data.Value.Networks.Count);
        Assert.Equal(107, Data.Value.Networks.Sum(n => n.Members.Count));
        Assert.Equal(996, AllRows().Count);
    }

    [Fact]
    public void Declared_rows_became_decided_and_dates_kept_their_precision()
    {
        var bochum = Data.Value.Cities.Single(c => c.Slug == "bochum");
        var declaration = bochum.Commitments.Single(c => c.Type == "safe-harbour-declaration");
        Assert.Equal("decided", declaration.Status);
        Assert.Equal("2019-07-11", declaration.Date);
        Assert.Equal("2022-07-15", bochum.Commitments.Single(c => c.Type == "sea-rescue-support" && c.Date is not null).Date);
    }

    [Fact]
    public void Districts_and_differently_named_places_are_handled_deliberately()
    {
        var cities = Data.Value.Cities;
        var meidling = cities.Single(c => c.Name == "Wien – 12th district Meidling");
        Assert.Equal("Meidling", meidling.GazetteerName);
        var wieden = cities.Single(c => c.Name == "Wien – 4th district Wieden");
        Assert.Contains("Vienna", wieden.LocationNote);
        Assert.NotEqual((meidling.Longitude, meidling.Latitude), (wieden.Longitude, wieden.Latitude));

        var hanau = cities.Single(c => c.Slug == "hanau");
        Assert.Equal("Hanau am Main", hanau.GazetteerName);
        var essen = cities.Where(c => c.Name == "Essen").ToList();
        Assert.All(essen, e => Assert.Equal("Nordrhein-Westfalen", e.Region));
        Assert.All(essen, e => Assert.Equal(51.46, e.Latitude, 0.05));
    }

    [Fact]
    public void Featured_cities_keep_their_profile_link_and_network_members_their_source()
    {
        Assert.Equal("https://moving-cities.eu/bern", Data.Value.Cities.Single(c => c.Slug == "bern").ProfileUrl);
        var alliance = Data.Value.Networks.Single(n => n.Slug == "international-alliance-of-safe-harbours");
        Assert.Contains(alliance.Members, m => m.City == "palermo" && m.SourceUrl!.StartsWith("https://www.europemustact.org/"));
        Assert.All(Data.Value.Networks.SelectMany(n => n.Members), m => Assert.NotNull(m.SourceUrl));
    }

    [Fact]
    public async Task The_app_starts_on_the_real_geodata_and_serves_every_city()
    {
        using var app = new TestApp(geodataPath: TestApp.RepoGeodata);
        var layer = await app.GetJson("/api/cities");
        Assert.Equal(Data.Value.Cities.Count, layer.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Importing_the_facts_again_adds_nothing()
    {
        using var app = new TestApp(geodataPath: TestApp.RepoGeodata);
        var report = await app.WithDb(db =>
            new FactsImport(db, SharedGazetteer.Value, FactsRules.Load(TestApp.RepoGeodata)).RunAsync(AllRows()));
        Assert.Equal(0, report.CitiesCreated + report.Commitments + report.Memberships + report.Profiles);
        // What stays unplaced or skipped is exactly what the committed report lists, with the same reasons.
        Assert.Equal(ReportedRows(CommittedReport), ReportedRows(report.ToMarkdown()));
    }

    // Validation catches what it promises to catch, each problem naming file and item.
    public static TheoryData<string, Action<JsonObject>, string> Breakages() => new()
    {
        { "moved 10 km", c => MoveCity(c, "konstanz", 0.13), "cities.geojson: konstanz: [" },
        { "unknown gazetteer name", c => SetProperty(c, "konstanz", "gazetteerName", "Atlantis"), "cities.geojson: konstanz: no place called Atlantis" },
        { "unknown type", c => SetCommitment(c, "bochum", "type", "teleportation"), "(bochum): properties.commitments[0].type" },
        { "bad status", c => SetCommitment(c, "bochum", "status", "declared"), "(bochum): properties.commitments[0].status" },
        { "bad date", c => SetCommitment(c, "bochum", "date", "2019-02-30"), "(bochum): properties.commitments[0].date" },
        { "non-http source", c => SetCommitment(c, "bochum", "sourceUrl", "ftp://example.org/x"), "(bochum): properties.commitments[0].sourceUrl" },
        { "duplicate slug", c => Features(c).Add(Features(c).Single(f => (string?)f!["id"] == "bochum")!.DeepClone()), "id \"bochum\" is used by 2 features" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Validation_reports_each_problem_with_file_and_item(string what, Action<JsonObject> breakIt, string expected)
    {
        var folder = GeodataCopy.Of(TestApp.RepoGeodata);
        var path = Path.Combine(folder, "cities.geojson");
        var collection = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        breakIt(collection);
        File.WriteAllText(path, collection.ToJsonString());

        var problems = GeodataValidator.Validate(folder, SharedGazetteer.Value).Problems;

        Assert.True(problems.Any(p => p.Contains(expected)), $"{what}: expected a problem containing '{expected}', got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void A_location_note_is_an_explained_override_of_the_distance_check()
    {
        var folder = GeodataCopy.Of(TestApp.RepoGeodata);
        var path = Path.Combine(folder, "cities.geojson");
        var collection = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        MoveCity(collection, "konstanz", 0.13);
        SetProperty(collection, "konstanz", "locationNote", "Placed at the district office on purpose.");
        File.WriteAllText(path, collection.ToJsonString());

        Assert.Empty(GeodataValidator.Validate(folder, SharedGazetteer.Value).Problems);
    }

    [Fact]
    public void A_news_tag_of_a_missing_city_is_a_problem()
    {
        var folder = GeodataCopy.Of(TestApp.RepoGeodata);
        var post = Path.Combine(folder, "news", "tageskonferenz-kommunen-als-sichere-haefen.md");
        File.WriteAllText(post, File.ReadAllText(post).Replace("cities:\n- bern", "cities:\n- atlantis\n- bern"));

        var problems = GeodataValidator.Validate(folder, SharedGazetteer.Value).Problems;

        Assert.Contains(problems, p => p.StartsWith("news/tageskonferenz-kommunen-als-sichere-haefen.md: cities: \"atlantis\""));
    }

    static JsonArray Features(JsonObject collection) => collection["features"]!.AsArray();

    static JsonObject City(JsonObject collection, string id) =>
        Features(collection).Single(f => (string?)f!["id"] == id)!.AsObject();

    static void MoveCity(JsonObject collection, string id, double degreesEast)
    {
        var coordinates = City(collection, id)["geometry"]!["coordinates"]!.AsArray();
        coordinates[0] = coordinates[0]!.GetValue<double>() + degreesEast;
    }

    static void SetProperty(JsonObject collection, string id, string name, string value) =>
        City(collection, id)["properties"]![name] = value;

    static void SetCommitment(JsonObject collection, string id, string field, string value) =>
        City(collection, id)["properties"]!["commitments"]![0]![field] = value;
}

public class GazetteerTests
{
    static readonly Lazy<Gazetteer> Places = new(() => Gazetteer.Load(TestApp.RepoGeodata));

    [Theory]
    [InlineData("Essen", "Nordrhein-Westfalen", 51.457)]
    [InlineData("Essen", "Niedersachsen", 52.723)]
    [InlineData("Essen", null, 51.457)]
    [InlineData("osnabruck", null, 52.273)]
    [InlineData("Frankfurt am Main", "Hessen", 50.116)]
    public void Names_resolve_by_region_then_by_size_ignoring_accents(string name, string? region, double latitude)
    {
        var place = Places.Value.Locate(name, "DE", region, out _);
        Assert.NotNull(place);
        Assert.Equal(latitude, place.Latitude, 0.01);
    }

    [Fact]
    public void Several_similar_places_without_a_region_are_ambiguous_not_guessed()
    {
        Assert.Null(Places.Value.Locate("Neuenkirchen", "DE", null, out var ambiguity));
        Assert.Contains("places called Neuenkirchen", ambiguity);
    }

    [Fact]
    public void Distances_are_great_circle_kilometres()
    {
        Assert.InRange(MovingCities.Web.Cities.Distance.Km(13.405, 52.52, 11.575, 48.137), 499, 509);
        Assert.Equal(0, MovingCities.Web.Cities.Distance.Km(9.17, 47.66, 9.17, 47.66));
    }

    [Fact]
    public void Regions_are_first_level_regions_by_name()
    {
        Assert.Equal("Baden-Württemberg", Places.Value.Locate("Konstanz", "DE", null, out _)!.Region);
        Assert.Equal("Bern", Places.Value.Locate("Bern", "CH", null, out _)!.Region);
    }
}
