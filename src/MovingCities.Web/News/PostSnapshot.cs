using MovingCities.Web.Cities;

namespace MovingCities.Web.News;

/// <summary>Everything an editor can change on a post, as kept in its history and restored from it.</summary>
public sealed record PostSnapshot(
    string Title, string Slug, string? Summary, string Body, string Language, DateOnly PublishedAt, NewsStatus Status,
    string? SourceUrl, string[] Cities, string? TranslationSlug = null)
{
    public static PostSnapshot Of(NewsPost post) => new(post.Title, post.Slug, post.Summary, post.Body, post.Language,
        post.PublishedAt, post.Status, post.SourceUrl, post.Cities.Select(c => c.Slug).Order().ToArray(), post.TranslationSlug);

    /// <summary>
    /// Makes <paramref name="post"/> this version again (restoring from history). The publication state stays as
    /// it is: restoring an old text must not publish or hide the post by surprise.
    /// </summary>
    /// <param name="cities">The cities of <see cref="Cities"/> that still exist.</param>
    public void ApplyTo(NewsPost post, List<City> cities)
    {
        post.Title = Title;
        post.Slug = Slug;
        post.Summary = Summary;
        post.Body = Body;
        post.Language = Language;
        post.PublishedAt = PublishedAt;
        post.SourceUrl = SourceUrl;
        post.TranslationSlug = TranslationSlug;
        post.Cities = cities;
    }
}
