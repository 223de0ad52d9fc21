using System.Globalization;
using MovingCities.Web.History;

namespace MovingCities.Web.News;

/// <summary>
/// One field of a post that a change changed: texts (title, summary, body) as a word diff, other fields as before and
/// after, the cities as added and removed slugs. <see cref="LabelKey"/> is the field's label in <c>Resources/EditorText*.resx</c>.
/// </summary>
public sealed record PostFieldChange(string Field, string LabelKey)
{
    public IReadOnlyList<DiffPart>? Words { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public IReadOnlyList<string> Added { get; init; } = [];
    public IReadOnlyList<string> Removed { get; init; } = [];
}

/// <summary>What a recorded change did to a post, field by field (for the post's history page).</summary>
public static class PostDiff
{
    /// <param name="before">The post before the change; null when the change created it.</param>
    public static IReadOnlyList<PostFieldChange> Between(PostSnapshot? before, PostSnapshot? after)
    {
        if (after is null)
            return [];
        var changes = new List<PostFieldChange>();
        void Text(string field, string key, string? was, string? now)
        {
            if ((was ?? "") != (now ?? ""))
                changes.Add(new(field, key) { Words = WordDiff.Shorten(WordDiff.Of(was, now)) });
        }
        void Value(string field, string key, string? was, string? now)
        {
            if (was != now)
                changes.Add(new(field, key) { Before = was, After = now });
        }
        Value("status", "PostHistory.Status", before?.Status.ToString(), after.Status.ToString());
        var added = after.Cities.Except(before?.Cities ?? []).ToList();
        var removed = (before?.Cities ?? []).Except(after.Cities).ToList();
        if (added.Count > 0 || removed.Count > 0)
            changes.Add(new("cities", "Post.Cities.Legend") { Added = added, Removed = removed });
        Text("title", "Post.Title", before?.Title, after.Title);
        Text("summary", "Post.Summary", before?.Summary, after.Summary);
        Text("body", "Post.Body", before?.Body, after.Body);
        Value("slug", "Post.Slug", before?.Slug, after.Slug);
        Value("language", "Post.Language", before?.Language, after.Language);
        Value("translation", "Post.Translation", before?.TranslationSlug, after.TranslationSlug);
        Value("publishedAt", "Post.PublishedAt", before?.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Value("sourceUrl", "Post.SourceUrl", before?.SourceUrl, after.SourceUrl);
        return changes;
    }
}
