using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.Admin;

/// <summary>The editors' start page: drafts awaiting publication, published posts, recent changes.</summary>
public sealed class IndexModel(MovingCitiesDb db) : PageModel
{
    public sealed record PostRow(int Id, string Title, string Slug, string Language, DateOnly PublishedAt, NewsStatus Status, int Cities);

    public List<PostRow> Drafts { get; private set; } = [];
    public List<PostRow> Published { get; private set; } = [];
    public List<Change> RecentChanges { get; private set; } = [];
    public int PendingProposals { get; private set; }

    public async Task OnGetAsync()
    {
        var posts = await db.NewsPosts.AsNoTracking().OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Title)
            .Select(p => new PostRow(p.Id, p.Title, p.Slug, p.Language, p.PublishedAt, p.Status, p.Cities.Count)).ToListAsync();
        Drafts = posts.Where(p => p.Status == NewsStatus.Draft).ToList();
        Published = posts.Where(p => p.Status == NewsStatus.Published).ToList();
        PendingProposals = await db.Proposals.CountAsync(p => p.State == MovingCities.Web.Proposals.ProposalState.Pending);
        RecentChanges = await db.Changes.AsNoTracking().OrderByDescending(c => c.Id).Take(20).ToListAsync();
    }

    public static string LinkTo(Change change) => change.Subject switch
    {
        ChangeSubjects.Post => $"/admin/posts/{change.SubjectId}",
        _ => $"/admin/cities/{change.SubjectId}", // a city or one of its commitments
    };
}
