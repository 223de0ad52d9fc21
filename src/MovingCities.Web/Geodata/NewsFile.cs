using System.Globalization;
using MovingCities.Web.News;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MovingCities.Web.Geodata;

/// <summary>A news post as Markdown with YAML front matter.</summary>
public static class NewsFile
{
    static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
    static readonly ISerializer YamlOut = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    sealed class FrontMatter
    {
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Date { get; set; }
        public string? Language { get; set; }
        public string? Translation { get; set; }
        public string? Status { get; set; }
        public string? Source { get; set; }
        public List<string>? Cities { get; set; }
    }

    public static NewsRecord? Parse(string text, string fileSlug, Action<string> problem)
    {
        text = text.Replace("\r\n", "\n");
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            problem("must start with a YAML front matter block between '---' lines");
            return null;
        }
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            problem("front matter is not closed by a '---' line");
            return null;
        }
        FrontMatter? meta;
        try
        {
            meta = Yaml.Deserialize<FrontMatter>(text[4..(end + 1)]);
        }
        catch (YamlException e)
        {
            problem($"front matter: {e.Message}");
            return null;
        }
        if (meta is null)
        {
            problem("front matter is empty");
            return null;
        }

        var ok = true;
        void Fail(string message) { ok = false; problem(message); }
        var slug = meta.Slug ?? fileSlug;
        if (!Text.Slug.IsSlug(slug))
            Fail($"slug: \"{slug}\" is not lowercase ASCII letters, digits and '-'");
        else if (slug.Length > PostLimits.MaxSlugLength)
            Fail($"slug: longer than {PostLimits.MaxSlugLength} characters");
        if (string.IsNullOrWhiteSpace(meta.Title))
            Fail("title: required");
        else if (meta.Title.Trim().Length > PostLimits.MaxTitleLength)
            Fail($"title: longer than {PostLimits.MaxTitleLength} characters");
        if (meta.Summary?.Trim().Length > PostLimits.MaxSummaryLength)
            Fail($"summary: longer than {PostLimits.MaxSummaryLength} characters");
        if (meta.Date is null || !DateOnly.TryParseExact(meta.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            Fail($"date: \"{meta.Date}\" is not a date (YYYY-MM-DD)");
        if (!PostLimits.IsLanguage(meta.Language))
            Fail($"language: \"{meta.Language}\" must be de or en");
        if (meta.Translation is not null && (!Text.Slug.IsSlug(meta.Translation) || meta.Translation.Length > PostLimits.MaxSlugLength))
            Fail($"translation: \"{meta.Translation}\" is not the slug of a post (lowercase ASCII letters, digits and '-')");
        else if (meta.Translation == slug)
            Fail($"translation: \"{meta.Translation}\" is this post itself; name the post in the other language");
        var status = meta.Status ?? "published";
        if (status is not ("draft" or "published"))
            Fail($"status: \"{status}\" must be draft or published");
        if (meta.Source is not null && !Http.Links.IsHttp(meta.Source))
            Fail($"source: \"{meta.Source}\" is not an absolute http(s) URL");
        else if (meta.Source?.Length > PostLimits.MaxSourceUrlLength)
            Fail($"source: longer than {PostLimits.MaxSourceUrlLength} characters");
        if (!ok)
            return null;
        var body = text[(end + 5)..].Trim('\n');
        if (PostLimits.TextTooLong(body) is not null)
        {
            problem($"text: longer than {PostLimits.MaxTextCharacters} characters");
            return null;
        }
        return new NewsRecord(slug, meta.Title!.Trim(), meta.Summary?.Trim(), meta.Date!, meta.Language!, status, meta.Source,
            meta.Cities ?? [], body, meta.Translation);
    }

    public static string Write(NewsRecord post)
    {
        var meta = new FrontMatter
        {
            Slug = post.Slug, Title = post.Title, Summary = post.Summary, Date = post.Date, Language = post.Language,
            Translation = post.Translation, Status = post.Status, Source = post.Source, Cities = post.Cities.ToList(),
        };
        return $"---\n{YamlOut.Serialize(meta)}---\n\n{post.Body.Trim('\n')}\n";
    }
}
