using MovingCities.Web.Data;
using MovingCities.Web.Cities;
using MovingCities.Web.History;

namespace MovingCities.Web.News;

/// <summary>A news item written by editors and tagged with the cities it is about.</summary>
public class NewsPost : IVersioned, IPublicData
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }

    /// <summary>Markdown; rendered and sanitized by <see cref="MarkdownRenderer"/> on the way out.</summary>
    public string Body { get; set; } = "";

    /// <summary><c>de</c> or <c>en</c>.</summary>
    public required string Language { get; set; }

    /// <summary>The slug of the same post in the other language, if there is one.</summary>
    public string? TranslationSlug { get; set; }

    public DateOnly PublishedAt { get; set; }
    public NewsStatus Status { get; set; }
    public string? SourceUrl { get; set; }

    public List<City> Cities { get; set; } = [];

    /// <summary>Raised by every edit; an edit form carries the version it was loaded from, so a save over a newer one is refused.</summary>
    public int Version { get; set; }

    /// <summary>Makes the post public at /news/{slug}.</summary>
    /// <returns>True when it was a draft until now.</returns>
    public bool Publish()
    {
        var wasDraft = Status != NewsStatus.Published;
        Status = NewsStatus.Published;
        return wasDraft;
    }

    /// <summary>Makes the post a draft again, no longer public.</summary>
    /// <returns>True when it was public until now.</returns>
    public bool Unpublish()
    {
        var wasPublished = Status == NewsStatus.Published;
        Status = NewsStatus.Draft;
        return wasPublished;
    }

    /// <summary>Why a post with this text cannot be public, or null.</summary>
    public static Localization.Message? CannotPublish(string? body) => string.IsNullOrWhiteSpace(body) ? new("Rule.Post.NeedsText") : null;
}

public enum NewsStatus
{
    Draft,
    Published,
}
