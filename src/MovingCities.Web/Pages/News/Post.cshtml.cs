using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        RequestedSlug = slug ?? "";
        var post = await NewsReading.PublishedPostAsync(db, slug, cancellationToken);
        if (post is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Post = NewsReading.Detail(post, markdown, await NewsReading.PublishedTranslationAsync(db, post, cancellationToken));
        Body = new HtmlString(Post.Html);
        Points = MapPoint.Of(post.Cities);
        return Page();
    }
}
