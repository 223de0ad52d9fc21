using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.Admin.Posts;

/// <summary>Every recorded change of a post, with before and after, and restoring a past version.</summary>
public sealed class HistoryModel(MovingCitiesDb db) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public List<Change> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var post = await db.NewsPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (post is null)
            return NotFound();
        Id = id;
        Title = post.Title;
        Changes = await db.Changes.AsNoTracking().Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id)
            .OrderByDescending(c => c.Id).ToListAsync();
        return Page();
    }

    /// <summary>Makes the post what it was after the given change; the restore is itself a recorded change.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, int changeId)
    {
        var post = await db.NewsPosts.Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == id);
        var change = await db.Changes.FirstOrDefaultAsync(c => c.Id == changeId && c.Subject == ChangeSubjects.Post && c.SubjectId == id);
        if (post is null || change is null || HistoryLog.Read<PostSnapshot>(change.After) is not { } version)
            return NotFound();
        var slugTaken = $"Not restored: another post now has the address /news/{version.Slug}.";
        if (await db.NewsPosts.AnyAsync(p => p.Slug == version.Slug && p.Id != id))
        {
            TempData["Saved"] = slugTaken;
            return Redirect($"/admin/posts/{id}");
        }
        var before = PostSnapshot.Of(post);
        version.ApplyTo(post, await db.Cities.Where(c => version.Cities.Contains(c.Slug)).ToListAsync());
        var outcome = await VersionedSave.TrySaveAsync(db, post, post.Version, () =>
            HistoryLog.Record(db, ChangeSubjects.Post, post.Id, post.Title, "restored", User.Identity!.Name!, before, PostSnapshot.Of(post)));
        TempData["Saved"] = outcome switch
        {
            SaveOutcome.Saved => $"Restored the version of {change.AtUtc:yyyy-MM-dd HH:mm} UTC.",
            SaveOutcome.Taken => slugTaken, // taken after the check above: the answer that check would have given
            _ => "Not restored: someone saved this post at the same moment. Their version is below; restore again from the history if you still want the old one.",
        };
        return Redirect($"/admin/posts/{id}");
    }
}
