using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MovingCities.Web.Cities;
using MovingCities.Web.Data;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Pages.Cities;

/// <summary>A city's page: its commitments as a timeline, what it could do next, its networks and the news about it.</summary>
public sealed class CityModel(MovingCitiesDb db, NextSteps nextSteps, CityLayer layer) : PageModel
{
    public CityDetails? City { get; private set; }

    /// <summary>The commitments by year, newest first, the undated last (<see cref="CommitmentTimeline"/>).</summary>
    public IReadOnlyList<YearGroup> Timeline => CommitmentTimeline.ByYear(City!.Commitments);

    /// <summary>What the city could do next: the types it has not made, with who has, nearest first.</summary>
    public IReadOnlyList<NextStep> NextSteps { get; private set; } = [];

    public string RequestedSlug { get; private set; } = "";

    /// <summary>On a 404: the cities whose names come closest to the address asked for.</summary>
    public IReadOnlyList<(string Slug, string Name)> Suggestions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        RequestedSlug = slug ?? "";
        City = await CityDetails.FindAsync(db, slug, cancellationToken);
        var lang = SiteLanguages.Current;
        if (City is not null && slug != City.Slug)
            return RedirectPermanent(Addresses.City(lang, City.Slug)); // /cities/KONSTANZ: one address per page
        if (City is null)
        {
            // An address typed by hand: the one city it spells (osnabruck, Osnabrück) moves there for good.
            var cities = (await layer.CitiesAsync(cancellationToken)).Cities.Select(c => (c.Summary.Slug, c.Summary.Name)).ToList();
            if (CityAddresses.Resolve(RequestedSlug, cities) is { } target)
                return RedirectPermanent(Addresses.City(lang, target));
            Suggestions = CityAddresses.Closest(RequestedSlug, cities);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else
            NextSteps = await nextSteps.ForAsync(City, cancellationToken);
        return Page();
    }
}
