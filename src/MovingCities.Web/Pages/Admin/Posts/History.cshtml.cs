using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Data;
using MovingCities.Web.Editors;
using MovingCities.Web.History;
using MovingCities.Web.Localization;
using MovingCities.Web.News;
using MovingCities.Web.Resources;

namespace MovingCities.Web.Pages.Admin.Posts;

/// <summary>Every recorded change of a post, with before and after, and restoring a past version.</summary>
public sealed class HistoryModel(MovingCitiesDb db, IStringLocalizer<EditorText> text, EditorTime time) : PageModel
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public List<Change> Changes { get; private set; } = [];

    /// <summary>What each change did, field by field, by the change's id.</summary>
    public Dictionary<int, IReadOnlyList<PostFieldChange>> Diffs { get; private set; } = [];

    /// <summary>Names of the cities the changes add or remove (a city deleted since shows as its slug).</summary>
    public Dictionary<string, string> CityNames { get; private set; } = [];

    /// <summary>The post's version this page shows; the restore forms carry it, like every edit form.</summary>
    public int Version { get; private set; }

    /// <summary>Set when a restore was refused because the post was saved after this page was rendered: the post as saved now.</summary>
    public PostSnapshot? Conflict { get; private set; }
    public string? ConflictEditor { get; private set; }

    /// <summary>The version the refused restore would have brought back.</summary>
    public PostSnapshot? Wanted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) is null ? NotFound() : Page();

    /// <summary>Makes the post what it was after the given change; the restore is itself a recorded change.</summary>
    /// <param name="version">The post's version when the history page was rendered: a restore never overwrites an edit not shown there.</param>
    public async Task<IActionResult> OnPostRestoreAsync(int id, int changeId, int version)
    {
        var post = await db.NewsPosts.Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == id);
        var change = await db.Changes.FirstOrDefaultAsync(c => c.Id == changeId && c.Subject == ChangeSubjects.Post && c.SubjectId == id);
        if (post is null || change is null || HistoryLog.Read<PostSnapshot>(change.After) is not { } wanted)
            return NotFound();
        if (post.Version != version)
            return await RefuseAsync(id, wanted);
        var slugTaken = text["PostHistory.SlugTaken", $"/news/{wanted.Slug}"].Value;
        if (await db.NewsPosts.AnyAsync(p => p.Slug == wanted.Slug && p.Id != id))
        {
            TempData["Saved"] = slugTaken;
            return Redirect($"/admin/posts/{id}");
        }
        var before = PostSnapshot.Of(post);
        wanted.ApplyTo(post, await db.Cities.Where(c => wanted.Cities.Contains(c.Slug)).ToListAsync());
        var outcome = await VersionedSave.TrySaveAsync(db, post, version, () =>
            HistoryLog.Record(db, ChangeSubjects.Post, post.Id, post.Title, "restored", User.Identity!.Name!, before, PostSnapshot.Of(post)));
        switch (outcome)
        {
            case SaveOutcome.Stale:
                return await RefuseAsync(id, wanted);
            case SaveOutcome.Taken: // taken after the check above: the answer that check would have given
                TempData["Saved"] = slugTaken;
                break;
            default:
                TempData["Saved"] = text["PostHistory.Restored", time.When(change.AtUtc, SiteLanguages.Current)].Value;
                break;
        }
        return Redirect($"/admin/posts/{id}");
    }

    /// <summary>
    /// Not restored because the post was saved after the history page was rendered: the page again, with the
    /// change made meanwhile, the post as it is now and the version chosen; restoring again is a fresh decision.
    /// </summary>
    async Task<IActionResult> RefuseAsync(int id, PostSnapshot wanted)
    {
        db.ChangeTracker.Clear();
        if (await LoadAsync(id) is not { } current)
            return NotFound();
        Conflict = PostSnapshot.Of(current);
        Wanted = wanted;
        ConflictEditor = Changes.FirstOrDefault() is { } last ? time.Who(last, SiteLanguages.Current) : null;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    async Task<NewsPost?> LoadAsync(int id)
    {
        var post = await db.NewsPosts.AsNoTracking().Include(p => p.Cities).FirstOrDefaultAsync(p => p.Id == id);
        if (post is null)
            return null;
        Id = id;
        Title = post.Title;
        Version = post.Version;
        Changes = await db.Changes.AsNoTracking().Where(c => c.Subject == ChangeSubjects.Post && c.SubjectId == id)
            .OrderByDescending(c => c.Id).ToListAsync();
        Diffs = Changes.ToDictionary(c => c.Id, c => PostDiff.Between(HistoryLog.Read<PostSnapshot>(c.Before), HistoryLog.Read<PostSnapshot>(c.After)));
        var slugs = Diffs.Values.SelectMany(d => d).SelectMany(f => f.Added.Concat(f.Removed)).Distinct().ToList();
        CityNames = await db.Cities.AsNoTracking().Where(c => slugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Name);
        return post;
    }
}
