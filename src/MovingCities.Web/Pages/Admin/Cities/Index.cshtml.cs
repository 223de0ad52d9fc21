using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Text;

namespace MovingCities.Web.Pages.Admin.Cities;

public sealed class IndexModel(MovingCitiesDb db) : PageModel
{
    public sealed record CityRow(int Id, string Slug, string Name, string Country, string? Region, int Commitments);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<CityRow> Cities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cities = db.Cities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var key = Slug.SearchKey(Q);
            cities = cities.Where(c => c.SearchName.StartsWith(key) || c.SearchName.Contains(" " + key));
        }
        Cities = await cities.OrderBy(c => c.Name).Take(300)
            .Select(c => new CityRow(c.Id, c.Slug, c.Name, c.Country, c.Region, c.Commitments.Count)).ToListAsync();
    }
}
