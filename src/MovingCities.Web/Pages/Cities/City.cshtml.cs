using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovingCities.Web.Cities;
using MovingCities.Web.Data;

namespace MovingCities.Web.Pages.Cities;

/// <summary>A city's page: its commitments as a timeline, what it could do next, its networks and the news about it.</summary>
public sealed class CityModel(MovingCitiesDb db, NextSteps nextSteps) : PageModel
{
    public CityDetails? City { get; private set; }

    /// <summary>The commitments as a timeline: dated ones in date order, undated ones after them.</summary>
    public IEnumerable<CommitmentView> Timeline => City!.Commitments
        .OrderBy(m => m.Date is null).ThenBy(m => m.Date, StringComparer.Ordinal);

    /// <summary>What the city could do next: the types it has not made, with who has, nearest first.</summary>
    public IReadOnlyList<NextStep> NextSteps { get; private set; } = [];

    public string RequestedSlug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        RequestedSlug = slug ?? "";
        City = await CityDetails.FindAsync(db, slug, cancellationToken);
        if (City is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        else
            NextSteps = await nextSteps.ForAsync(City, cancellationToken);
        return Page();
    }
}
