using MovingCities.Web.Cities;
using MovingCities.Web.History;

namespace MovingCities.Web.News;

/// <summary>A news item written by editors and tagged with the cities it is about.</summary>
public class NewsPost : IVersioned
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }

    /// <summary>Markdown; rendered and sanitized by <see cref="MarkdownRenderer"/> on the way out.</summary>
    public string Body { get; set; } = "";

    /// <summary><c>de</c> or <c>en</c>.</summary>
    public required string Language { get; set; }

    public DateOnly PublishedAt { get; set; }
    public NewsStatus Status { get; set; }
    public string? SourceUrl { get; set; }

    public List<City> Cities { get; set; } = [];

    /// <summary>Raised by every edit; an edit form carries the version it was loaded from, so a save over a newer one is refused.</summary>
    public int Version { get; set; }
}

public enum NewsStatus
{
    Draft,
    Published,
}
