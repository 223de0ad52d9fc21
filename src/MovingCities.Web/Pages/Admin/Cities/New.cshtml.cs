using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Cities;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.History;
using MovingCities.Web.Localization;
using MovingCities.Web.Resources;
using MovingCities.Web.Text;

namespace MovingCities.Web.Pages.Admin.Cities;

/// <summary>Adding a city by its name: the gazetteer supplies position, country and region; the editor may correct them.</summary>
public sealed class NewModel(MovingCitiesDb db, GazetteerSource gazetteerSource, IStringLocalizer<EditorText> text) : PageModel
{
    [BindProperty]
    public CityForm Input { get; set; } = new();

    /// <summary>Gazetteer places with the typed name, largest first.</summary>
    public List<GazetteerPlace> Candidates { get; private set; } = [];

    public string? Warning { get; private set; }

    public void OnGet(string? name, string? country, int? place)
    {
        if (string.IsNullOrWhiteSpace(name))
            return;
        Input.Name = name.Trim();
        Input.Country = country?.Trim().ToUpperInvariant() ?? "";
        Candidates = Lookup(Input.Name, Input.Country);
        var chosen = Candidates.FirstOrDefault(p => p.GeonameId == place) ?? (Candidates.Count > 0 ? Candidates[0] : null);
        if (chosen is not null)
        {
            Input.Name = chosen.Name;
            Input.Country = chosen.Country;
            Input.Region = chosen.Region;
            Input.Latitude = Math.Round(chosen.Latitude, 6);
            Input.Longitude = Math.Round(chosen.Longitude, 6);
        }
    }

    List<GazetteerPlace> Lookup(string name, string country)
    {
        var gazetteer = gazetteerSource.Gazetteer;
        if (gazetteer is null)
            return [];
        return gazetteer.Find(name, country, 10).ToList();
    }

    /// <summary>
    /// True, and the form says so, when the city is on the map: a city of the country whose name folds like the typed
    /// one (case, accents, composition aside; <see cref="CityRules.NameKey"/>).
    /// </summary>
    async Task<bool> AlreadyOnTheMapAsync()
    {
        var nameKey = CityRules.NameKey(Input.Name);
        if (!await db.Cities.AnyAsync(c => c.SearchName == nameKey && c.Country == Input.Country))
            return false;
        ModelState.AddModelError("Input.Name", text["Cities.New.AlreadyOnMap", Input.Name, Input.Country]);
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A blank field binds as null despite the defaults: ModelState already says it is required.
        Input.Country = (Input.Country ?? "").Trim().ToUpperInvariant();
        Input.Name ??= "";
        Candidates = Lookup(Input.Name, Input.Country);
        if (!ModelState.IsValid)
            return Page();
        if (await AlreadyOnTheMapAsync())
            return Page();
        Warning = PositionCheck.FarFromGazetteer(gazetteerSource.Gazetteer, Input.Name, Input.Country, Input.Region, Input.Latitude, Input.Longitude)?.InCurrentLanguage();
        if (Warning is not null && !Input.ConfirmFar)
            return Page();

        var region = string.IsNullOrWhiteSpace(Input.Region) ? null : Input.Region.Trim();
        for (var attempt = 1; ; attempt++)
        {
            var city = new City
            {
                Slug = await CitySlugs.FreeSlugAsync(db, Input.Name.Trim(), Input.Country, region),
                Name = Input.Name.Trim(), Country = Input.Country, Region = region,
                Description = Input.Description,
                LocationNote = Warning is null ? null : "Placed by an editor away from the gazetteer's point.",
            };
            city.MoveTo(Math.Round(Input.Longitude, 6), Math.Round(Input.Latitude, 6));
            db.Cities.Add(city);
            // A new city has no older version to lose to: saved with its history entry like every other edit.
            // The same city added by another editor since the check above would get the next free slug, so the
            // check is repeated where no other save can come between it and the write.
            var outcome = await VersionedSave.TrySaveAsync(db, city, loadedVersion: 0, () =>
                HistoryLog.Record(db, ChangeSubjects.City, city.Id, city.Name, "created", User.Identity!.Name!, null, CitySnapshot.Of(city)),
                takenMeanwhile: () => db.Cities.AnyAsync(c => c.SearchName == city.SearchName && c.Country == city.Country && c.Id != city.Id));
            if (outcome == SaveOutcome.Saved)
            {
                TempData["Saved"] = text["Cities.New.Saved", city.Name].Value;
                return Redirect($"/admin/cities/{city.Id}");
            }
            // Another editor's city came first: answer as if it had been saved before this request's checks. The
            // same city is already on the map; another city with the name (elsewhere) leaves the next slug free.
            if (await AlreadyOnTheMapAsync())
                return Page();
            if (attempt == 3)
            {
                ModelState.AddModelError("Input.Name", text["Cities.New.Busy"]);
                return Page();
            }
        }
    }
}
