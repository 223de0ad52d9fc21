using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.News;

/// <summary>Published posts, newest first, a page at a time, optionally about one city.</summary>
public sealed class IndexModel(MovingCitiesDb db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "city")]
    public string? CitySlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public string? CityName { get; private set; }
    public List<NewsSummary> Posts { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasNext => PageNumber * PageSize < Total;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber < 1)
            return RedirectToPage(new { city = CitySlug, page = 1 });
        var posts = db.NewsPosts.AsNoTracking().Published();
        if (!string.IsNullOrWhiteSpace(CitySlug))
        {
            var key = CitySlug.ToLowerInvariant();
            CityName = await db.Cities.Where(c => c.Slug == key).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
            if (CityName is null)
                Response.StatusCode = StatusCodes.Status404NotFound;
            posts = posts.Where(p => p.Cities.Any(c => c.Slug == key));
        }
        Total = await posts.CountAsync(cancellationToken);
        Posts = await posts.NewestFirst().Skip((PageNumber - 1) * PageSize).Take(PageSize).Summaries(db.NewsPosts)
            .AsSplitQuery().ToListAsync(cancellationToken);
        return Page();
    }
}
