using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.News;

/// <summary>One published news post: its text, source and the cities it is about.</summary>
public sealed class PostModel(MovingCitiesDb db, MarkdownRenderer markdown) : PageModel
{
    public NewsDetail? Post { get; private set; }

    /// <summary>Rendered by Markdig with raw HTML off, then sanitized: safe to write unencoded.</summary>
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    public string RequestedSlug { get; private set; } = "";

    public List<MapPoint> Points { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        RequestedSlug = slug;
        var key = slug.ToLowerInvariant();
        var post = await db.NewsPosts.AsNoTracking().Where(p => p.Slug == key && p.Status == NewsStatus.Published)
            .Select(p => new
            {
                p.Slug, p.Title, p.Summary, p.PublishedAt, p.Language, p.Body, p.SourceUrl,
                Cities = p.Cities.OrderBy(c => c.Name).Select(c => new CityReference(c.Slug, c.Name)).ToList(),
            }).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var html = markdown.ToHtml(post.Body);
        Post = new NewsDetail(post.Slug, post.Title, post.Summary, post.PublishedAt, post.Language, html,
            post.Cities, post.SourceUrl, "/news/" + post.Slug);
        Body = new HtmlString(html);
        Points = await db.Cities.Where(c => c.NewsPosts.Any(p => p.Slug == key)).OrderBy(c => c.Name)
            .Select(c => new MapPoint(c.Slug, c.Name, c.Longitude, c.Latitude)).ToListAsync(cancellationToken);
        return Page();
    }
}
