using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.Admin.Posts;

/// <summary>A post, draft or not, exactly as the public page will show it.</summary>
public sealed class PreviewModel(MovingCitiesDb db, MarkdownRenderer markdown) : PageModel
{
    public PostView? View { get; private set; }
    public int Id { get; private set; }
    public NewsStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var post = await db.NewsPosts.AsNoTracking().Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == id);
        if (post is null)
            return NotFound();
        Id = id;
        Status = post.Status;
        var detail = NewsReading.Detail(post, markdown, await NewsReading.PublishedTranslationAsync(db, post));
        View = new PostView(detail, new HtmlString(detail.Html), MapPoint.Of(post.Cities));
        return Page();
    }
}
