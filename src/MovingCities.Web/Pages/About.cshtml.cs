using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;

namespace MovingCities.Web.Pages;

/// <summary>About the data: its numbers are counted from the database on each visit, never written into the texts.</summary>
public sealed class AboutModel(MovingCitiesDb db) : PageModel
{
    public int Places { get; private set; }
    public int Countries { get; private set; }
    /// <summary>Districts (Landkreise, Kreise, Bezirke) among the places, counted apart.</summary>
    public int Districts { get; private set; }
    /// <summary>Commitments that stand (announced, decided, implemented).</summary>
    public int Made { get; private set; }
    /// <summary>Revoked or rejected ones.</summary>
    public int Withdrawn { get; private set; }
    /// <summary>Commitments someone has checked again at their source.</summary>
    public int Verified { get; private set; }
    /// <summary>The newest date any commitment carries (a partial ISO date), or null.</summary>
    public string? NewestDate { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Places = await db.Cities.CountAsync(cancellationToken);
        Countries = await db.Cities.Select(c => c.Country).Distinct().CountAsync(cancellationToken);
        Districts = await db.Cities.CountAsync(c => c.Kind == MovingCities.Web.Cities.PlaceKind.District, cancellationToken);
        var statuses = await db.Commitments.GroupBy(c => c.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Made = statuses.Where(s => s.Status.IsLive()).Sum(s => s.Count);
        Withdrawn = statuses.Where(s => !s.Status.IsLive()).Sum(s => s.Count);
        Verified = await db.Commitments.CountAsync(c => c.LastVerified != null, cancellationToken);
        NewestDate = await db.Commitments.Where(c => c.Date != null).MaxAsync(c => c.Date, cancellationToken);
    }
}
