namespace MovingCities.Web.News;

/// <summary>Everything an editor can change on a post, as kept in its history and restored from it.</summary>
public sealed record PostSnapshot(
    string Title, string Slug, string? Summary, string Body, string Language, DateOnly PublishedAt, NewsStatus Status,
    string? SourceUrl, string[] Cities)
{
    public static PostSnapshot Of(NewsPost post) => new(post.Title, post.Slug, post.Summary, post.Body, post.Language,
        post.PublishedAt, post.Status, post.SourceUrl, post.Cities.Select(c => c.Slug).Order().ToArray());
}
