using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.Admin.Posts;

/// <summary>
/// A post exactly as the public page will show it: as saved (GET), or with the editor's unsaved changes (POST of the
/// edit form, "Preview changes"), which saves nothing: the public page keeps showing the saved version.
/// </summary>
public sealed class PreviewModel(MovingCitiesDb db, MarkdownRenderer markdown) : PageModel
{
    public PostView? View { get; private set; }
    public int Id { get; private set; }
    public NewsStatus Status { get; private set; }

    /// <summary>True when the page shows the form's unsaved changes, not the saved post.</summary>
    public bool Unsaved { get; private set; }

    /// <summary>The edit form's fields, as it posts them.</summary>
    [BindProperty]
    public EditModel.PostForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var post = await LoadAsync(id);
        if (post is null)
            return NotFound();
        await ShowAsync(post);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var post = await LoadAsync(id);
        if (post is null)
            return NotFound();
        var slugs = Input.Cities.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim().ToLowerInvariant()).Distinct().ToList();
        var cities = await db.Cities.AsNoTracking().Where(c => slugs.Contains(c.Slug)).ToListAsync();
        // A copy the context does not know: shown, never saved. Blank fields show what the saved post has.
        var changed = new NewsPost
        {
            Id = post.Id, Status = post.Status, Version = post.Version,
            Slug = string.IsNullOrWhiteSpace(Input.Slug) ? post.Slug : Input.Slug.Trim(),
            Title = string.IsNullOrWhiteSpace(Input.Title) ? post.Title : Input.Title.Trim(),
            Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim(),
            Body = Input.Body ?? "",
            Language = Input.Language is "de" or "en" ? Input.Language : post.Language,
            TranslationSlug = string.IsNullOrWhiteSpace(Input.Translation) ? null : Input.Translation.Trim().ToLowerInvariant(),
            PublishedAt = Input.PublishedAt,
            SourceUrl = string.IsNullOrWhiteSpace(Input.SourceUrl) ? null : Input.SourceUrl.Trim(),
            Cities = slugs.Select(s => cities.FirstOrDefault(c => c.Slug == s)).OfType<MovingCities.Web.Cities.City>().ToList(),
        };
        Unsaved = true;
        await ShowAsync(changed);
        return Page();
    }

    async Task ShowAsync(NewsPost post)
    {
        Id = post.Id;
        Status = post.Status;
        var detail = NewsReading.Detail(post, markdown, await NewsReading.PublishedTranslationAsync(db, post));
        View = new PostView(detail, new HtmlString(detail.Html), MapPoint.Of(post.Cities));
    }

    Task<NewsPost?> LoadAsync(int id) => db.NewsPosts.AsNoTracking().Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == id);
}
