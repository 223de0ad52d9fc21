using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Cities;
using MovingCities.Web.Data;
using MovingCities.Web.News;

namespace MovingCities.Web.Pages.Cities;

/// <summary>A city's page: its commitments as a timeline, its networks and the news about it.</summary>
public sealed class CityModel(MovingCitiesDb db) : PageModel
{
    public sealed record CityPage(
        string Slug, string Name, string Country, string? Region, string? Description, string? ProfileUrl, double Longitude, double Latitude,
        List<CommitmentView> Commitments, List<NetworkReference> Networks, List<NewsReference> News);

    public CityPage? City { get; private set; }

    public string RequestedSlug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        RequestedSlug = slug;
        var key = slug.ToLowerInvariant();
        City = await db.Cities.AsNoTracking().Where(c => c.Slug == key).Select(c => new CityPage(
            c.Slug, c.Name, c.Country, c.Region, c.Description, c.ProfileUrl, c.Longitude, c.Latitude,
            c.Commitments.OrderBy(m => m.Date == null).ThenBy(m => m.Date).ThenBy(m => m.Type.SortOrder)
                .Select(m => new CommitmentView(m.TypeKey, new Geodata.LocalizedText(m.Type.TitleDe, m.Type.TitleEn), m.Type.Color,
                    m.Status, m.Date, m.Summary, m.SourceUrl, m.LastVerified))
                .ToList(),
            c.Memberships.OrderBy(m => m.Network.Name)
                .Select(m => new NetworkReference(m.Network.Slug, m.Network.Name, m.Network.Url, m.Date, m.Summary, m.SourceUrl))
                .ToList(),
            c.NewsPosts.Where(p => p.Status == NewsStatus.Published)
                .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Slug)
                .Select(p => new NewsReference(p.Slug, p.Title, p.PublishedAt, "/news/" + p.Slug))
                .ToList()))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (City is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public static string CountryName(string code)
    {
        try { return new System.Globalization.RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
    }

    public static string FormatDate(string? partialIso) => partialIso is null ? "" : Commitments.PartialDate.Describe(partialIso);
}
