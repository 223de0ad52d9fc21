using System.Text.Json;
using System.Text.RegularExpressions;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;

namespace MovingCities.Web.Geodata;

/// <summary>Everything in a geodata folder, read and checked; see geodata/README.md.</summary>
public sealed record GeodataSet(
    List<CommitmentTypeRecord> CommitmentTypes, List<CityRecord> Cities, List<NetworkRecord> Networks, List<NewsRecord> News);

/// <summary>Reads a whole geodata folder and reports every problem with file and item.</summary>
public static partial class GeodataReader
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };

    /// <exception cref="GeodataException">when any file has problems.</exception>
    public static GeodataSet Read(string folder)
    {
        var problems = new List<string>();
        var types = ReadCommitmentTypes(folder, problems);
        var knownTypes = types.Select(t => t.Key).ToHashSet();

        var citiesPath = Path.Combine(folder, GeodataFiles.Cities);
        var cities = new List<CityRecord>();
        if (File.Exists(citiesPath))
        {
            (cities, var cityProblems) = CityFileReader.Read(File.ReadAllText(citiesPath), GeodataFiles.Cities, knownTypes);
            problems.AddRange(cityProblems);
        }
        else
            problems.Add($"{GeodataFiles.Cities}: missing in {folder}");

        cities = CitySlugs.AssignAll(cities);
        var slugs = cities.Select(c => c.Slug!).ToHashSet();
        var networks = ReadNetworks(folder, slugs, problems);
        var news = ReadNews(folder, slugs, problems);

        if (problems.Count > 0)
            throw new GeodataException(problems);
        return new GeodataSet(types, cities, networks, news);
    }

    static List<CommitmentTypeRecord> ReadCommitmentTypes(string folder, List<string> problems)
    {
        var file = GeodataFiles.CommitmentTypes;
        var types = ReadJsonArray<CommitmentTypeRecord>(folder, file, problems);
        for (var i = 0; i < types.Count; i++)
        {
            var t = types[i];
            var at = $"{file}: entry #{i + 1} ({t.Key})";
            if (!Text.Slug.IsSlug(t.Key))
                problems.Add($"{at}: key must be a lowercase kebab-case word such as \"sea-rescue-support\"");
            if (t.Title is null || string.IsNullOrWhiteSpace(t.Title.De) || string.IsNullOrWhiteSpace(t.Title.En))
                problems.Add($"{at}: title needs both \"de\" and \"en\"");
            if (t.Description is null || string.IsNullOrWhiteSpace(t.Description.De) || string.IsNullOrWhiteSpace(t.Description.En))
                problems.Add($"{at}: description needs both \"de\" and \"en\"");
            if (t.Color is null || !HexColor().IsMatch(t.Color))
                problems.Add($"{at}: color must be a hex colour such as \"#1f77b4\"");
            if (!Text.Slug.IsSlug(t.Family ?? ""))
                problems.Add($"{at}: family must be a lowercase word such as \"harbour\" (the colour family of docs/design.md)");
        }
        // The legend lists a family's types together, in catalogue order: a family must not start twice.
        var families = types.Select(t => t.Family).Where((family, i) => i == 0 || family != types[i - 1].Family).ToList();
        foreach (var split in families.GroupBy(f => f).Where(g => g.Key is not null && g.Count() > 1))
            problems.Add($"{file}: the types of family \"{split.Key}\" are not listed together: the legend groups them in catalogue order");
        foreach (var family in types.Where(t => t.Family is not null && t.Color is not null).GroupBy(t => t.Family!))
            if (family.Select(t => t.Color.ToLowerInvariant()).Distinct().Count() > 1)
                problems.Add($"{file}: the types of family \"{family.Key}\" have different colours ({string.Join(", ", family.Select(t => $"{t.Key} {t.Color}"))}): one family, one colour");
        foreach (var duplicate in types.GroupBy(t => t.Key).Where(g => g.Count() > 1))
            problems.Add($"{file}: key \"{duplicate.Key}\" appears {duplicate.Count()} times");
        return types;
    }

    static List<NetworkRecord> ReadNetworks(string folder, IReadOnlySet<string> known, List<string> problems)
    {
        var file = GeodataFiles.Networks;
        if (!File.Exists(Path.Combine(folder, file)))
            return [];
        var networks = ReadJsonArray<NetworkRecord>(folder, file, problems);
        for (var i = 0; i < networks.Count; i++)
        {
            var n = networks[i];
            var at = $"{file}: entry #{i + 1} ({n.Slug})";
            if (!Text.Slug.IsSlug(n.Slug))
                problems.Add($"{at}: slug must be lowercase ASCII letters, digits and '-'");
            if (string.IsNullOrWhiteSpace(n.Name))
                problems.Add($"{at}: name is required");
            if (n.Url is not null && !Http.Links.IsHttp(n.Url))
                problems.Add($"{at}: url \"{n.Url}\" is not an absolute http(s) URL");
            foreach (var member in n.Members ?? [])
            {
                var item = $"{at}: member \"{member.City}\"";
                if (!known.Contains(member.City ?? ""))
                    problems.Add($"{item} is not a city in {GeodataFiles.Cities}");
                if (member.SourceUrl is not null && !Http.Links.IsHttp(member.SourceUrl))
                    problems.Add($"{item}: sourceUrl \"{member.SourceUrl}\" is not an absolute http(s) URL");
                if (member.Date is not null && !PartialDate.IsValid(member.Date))
                    problems.Add($"{item}: date \"{member.Date}\" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
            }
            foreach (var duplicate in (n.Members ?? []).GroupBy(m => m.City).Where(g => g.Count() > 1))
                problems.Add($"{at}: member \"{duplicate.Key}\" is listed {duplicate.Count()} times");
        }
        foreach (var duplicate in networks.GroupBy(n => n.Slug).Where(g => g.Count() > 1))
            problems.Add($"{file}: slug \"{duplicate.Key}\" appears {duplicate.Count()} times");
        return networks.Select(n => n with { Members = n.Members ?? [] }).ToList();
    }

    static List<T> ReadJsonArray<T>(string folder, string file, List<string> problems)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            problems.Add($"{file}: missing in {folder}");
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException e)
        {
            problems.Add($"{file}: {e.Message}");
            return [];
        }
    }

    static List<NewsRecord> ReadNews(string folder, IReadOnlySet<string> known, List<string> problems)
    {
        var newsFolder = Path.Combine(folder, GeodataFiles.NewsFolder);
        if (!Directory.Exists(newsFolder))
            return [];
        var posts = new List<NewsRecord>();
        var files = new Dictionary<NewsRecord, string>(ReferenceEqualityComparer.Instance);
        foreach (var path in Directory.EnumerateFiles(newsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = $"{GeodataFiles.NewsFolder}/{Path.GetFileName(path)}";
            var before = problems.Count;
            var post = NewsFile.Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path), message => problems.Add($"{file}: {message}"));
            if (post is null || problems.Count > before)
                continue;
            foreach (var city in post.Cities.Where(c => !known.Contains(c)))
                problems.Add($"{file}: cities: \"{city}\" is not a city in {GeodataFiles.Cities}");
            posts.Add(post);
            files[post] = file;
        }
        foreach (var duplicate in posts.GroupBy(p => p.Slug).Where(g => g.Count() > 1))
            problems.Add($"{GeodataFiles.NewsFolder}: slug \"{duplicate.Key}\" is used by {duplicate.Count()} posts");
        var bySlug = posts.DistinctBy(p => p.Slug).ToDictionary(p => p.Slug);
        foreach (var post in posts.Where(p => p.Translation is not null))
        {
            var file = files[post];
            if (!bySlug.TryGetValue(post.Translation!, out var translation))
                problems.Add($"{file}: translation: \"{post.Translation}\" is not a post in {GeodataFiles.NewsFolder}/");
            else if (translation.Language == post.Language)
                problems.Add($"{file}: translation: \"{post.Translation}\" is in {post.Language} too; a translation is in the other language");
        }
        return posts;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
