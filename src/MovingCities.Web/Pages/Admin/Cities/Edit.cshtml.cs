using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.History;
using MovingCities.Web.Resources;

namespace MovingCities.Web.Pages.Admin.Cities;

/// <summary>
/// Editing a city and its commitments. Every form carries the city's version; a save over a newer one is
/// refused with what changed meanwhile, never written over.
/// </summary>
public sealed class EditModel(MovingCitiesDb db, GazetteerSource gazetteerSource, IStringLocalizer<EditorText> text) : PageModel
{
    /// <summary>The city's form: as saved, or as posted to <see cref="OnPostSaveCityAsync"/>.</summary>
    public CityForm Input { get; private set; } = new();

    /// <summary>The add-a-commitment form: empty, or as posted to <see cref="OnPostSaveCommitmentAsync"/>.</summary>
    public CommitmentForm Commitment { get; private set; } = new();

    public City City { get; private set; } = null!;
    public List<CommitmentType> Types { get; private set; } = [];
    public List<Change> Changes { get; private set; } = [];
    public string? Warning { get; private set; }
    public string? SavedMessage { get; private set; }

    /// <summary>The city as saved meanwhile by someone else, when a save was refused.</summary>
    public CitySnapshot? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = FormOf(City);
        SavedMessage = TempData["Saved"] as string;
        return Page();
    }

    /// <summary>Each form binds its own fields under its own prefix, so only the posted form is validated.</summary>
    public async Task<IActionResult> OnPostSaveCityAsync(int id, [Bind(Prefix = nameof(Input))] CityForm form)
    {
        Input = form;
        if (!await LoadAsync(id))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        if (Refused(Input.Version))
            return Page();
        Warning = PositionCheck.FarFromGazetteer(gazetteerSource.Gazetteer, Input.Name, Input.Country, Input.Region, Input.Latitude, Input.Longitude)?.InCurrentLanguage();
        var moved = Math.Abs(City.Latitude - Input.Latitude) > 1e-7 || Math.Abs(City.Longitude - Input.Longitude) > 1e-7;
        if (Warning is not null && moved && !Input.ConfirmFar)
            return Page();
        Warning = null;

        var before = CitySnapshot.Of(City);
        City.Name = Input.Name.Trim();
        City.Country = Input.Country.Trim().ToUpperInvariant();
        City.Region = string.IsNullOrWhiteSpace(Input.Region) ? null : Input.Region.Trim();
        City.Description = Input.Description;
        City.MoveTo(Math.Round(Input.Longitude, 6), Math.Round(Input.Latitude, 6));
        var after = CitySnapshot.Of(City);
        return await SaveAsync(ChangeSubjects.City, City.Name, "updated", before, () => after, Input.Version, text["City.Saved"]);
    }

    public async Task<IActionResult> OnPostSaveCommitmentAsync(int id, [Bind(Prefix = nameof(Commitment))] CommitmentForm form)
    {
        Commitment = form;
        if (!await LoadAsync(id))
            return NotFound();
        Input = FormOf(City);
        if (!Types.Any(t => t.Key == Commitment.Type))
            ModelState.AddModelError("Commitment.Type", text["Commitment.UnknownType"]);
        if (!ModelState.IsValid)
            return Page();
        if (Refused(Commitment.CityVersion))
            return Page();

        var commitment = Commitment.Id is null ? null : City.Commitments.FirstOrDefault(c => c.Id == Commitment.Id);
        if (Commitment.Id is not null && commitment is null)
            return NotFound();
        var before = commitment is null ? null : CommitmentSnapshot.Of(commitment, City.Slug);
        if (commitment is null)
        {
            commitment = new Commitment { TypeKey = Commitment.Type, SourceUrl = Commitment.SourceUrl };
            City.Commitments.Add(commitment);
        }
        commitment.TypeKey = Commitment.Type;
        commitment.Status = Commitment.Status;
        commitment.Date = string.IsNullOrWhiteSpace(Commitment.Date) ? null : Commitment.Date;
        commitment.Summary = Commitment.Summary;
        commitment.SourceUrl = Commitment.SourceUrl.Trim();
        commitment.LastVerified = Commitment.LastVerified;
        var label = $"{City.Name}: {Types.First(t => t.Key == commitment.TypeKey).TitleEn}";
        return await SaveAsync(ChangeSubjects.Commitment, label, before is null ? "created" : "updated",
            before, () => CommitmentSnapshot.Of(commitment, City.Slug), Commitment.CityVersion, text["Commitment.Saved"]);
    }

    public async Task<IActionResult> OnPostDeleteCommitmentAsync(int id, int commitmentId, int cityVersion)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = FormOf(City);
        var commitment = City.Commitments.FirstOrDefault(c => c.Id == commitmentId);
        if (commitment is null)
            return NotFound();
        if (Refused(cityVersion))
            return Page();
        var before = CommitmentSnapshot.Of(commitment, City.Slug);
        City.Commitments.Remove(commitment);
        db.Commitments.Remove(commitment);
        return await SaveAsync(ChangeSubjects.Commitment, $"{City.Name}: {commitment.Type.TitleEn}", "deleted", before, () => null,
            cityVersion, text["Commitment.Deleted"]);
    }

    /// <summary>
    /// Takes back one recorded change of a commitment (<see cref="CommitmentUndo"/>), an accepted public proposal's
    /// among them; the undo is itself a recorded change.
    /// </summary>
    public async Task<IActionResult> OnPostUndoChangeAsync(int id, int changeId, int cityVersion)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = FormOf(City);
        var change = await db.Changes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeId && c.SubjectId == id && c.Subject == ChangeSubjects.Commitment);
        if (change is null)
            return NotFound();
        if (Refused(cityVersion))
            return Page();
        if (!CommitmentUndo.Apply(City, change, out var removed))
        {
            ModelState.AddModelError(string.Empty, text["Commitment.UndoChangedSince"]);
            return Page();
        }
        if (removed is not null)
            db.Commitments.Remove(removed);
        return await SaveAsync(ChangeSubjects.Commitment, change.Label, "undone",
            HistoryLog.Read<CommitmentSnapshot>(change.After), () => HistoryLog.Read<CommitmentSnapshot>(change.Before),
            cityVersion, text["Commitment.Undone"]);
    }

    /// <summary>Saves the city (version raised) and records the change under the city's id.</summary>
    /// <param name="after">Taken after saving, so a new commitment's snapshot is complete.</param>
    async Task<IActionResult> SaveAsync(string subject, string label, string action, object? before, Func<object?> after,
        int loadedVersion, string message)
    {
        var outcome = await VersionedSave.TrySaveAsync(db, City, loadedVersion, () =>
            HistoryLog.Record(db, subject, City.Id, label, action, User.Identity!.Name!, before, after()));
        if (outcome == SaveOutcome.Taken)
            throw new System.Diagnostics.UnreachableException("Editing a city or its commitments changes no unique value (the slug stays).");
        if (outcome == SaveOutcome.Stale)
        {
            // Someone saved between this request's load and its write: answer as if it had come a moment later.
            if (!await LoadAsync(City.Id))
                return NotFound();
            if (subject != ChangeSubjects.City)
                Input = FormOf(City); // the city form was not what the editor changed: show the city as saved now
            Refused(loadedVersion);
            return Page();
        }
        TempData["Saved"] = message;
        return Redirect($"/admin/cities/{City.Id}");
    }

    /// <summary>True (and the page shows why) when the city changed since the form was loaded.</summary>
    /// <summary>Whether the history may offer to take a change back now (<see cref="CommitmentUndo.IsPossible"/>).</summary>
    public bool CanUndo(Change change) => CommitmentUndo.IsPossible(City, change);

    bool Refused(int loadedVersion)
    {
        if (City.Version == loadedVersion)
            return false;
        Conflict = CitySnapshot.Of(City);
        Input.Version = City.Version;
        Commitment.CityVersion = City.Version;
        ModelState.Remove("Input.Version"); // the forms must now carry the version just shown, not the posted one
        Response.StatusCode = StatusCodes.Status409Conflict;
        return true;
    }

    async Task<bool> LoadAsync(int id)
    {
        var city = await db.Cities.Include(c => c.Commitments).ThenInclude(m => m.Type).FirstOrDefaultAsync(c => c.Id == id);
        if (city is null)
            return false;
        City = city;
        Types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync();
        Changes = await db.Changes.AsNoTracking()
            .Where(c => (c.Subject == ChangeSubjects.City || c.Subject == ChangeSubjects.Commitment) && c.SubjectId == id)
            .OrderByDescending(c => c.Id).Take(50).ToListAsync();
        return true;
    }

    public (string Prefix, CommitmentForm Form, List<CommitmentType> Types) FieldsFor(Commitment commitment) =>
        (commitment.Id.ToString(), new CommitmentForm
        {
            Type = commitment.TypeKey, Status = commitment.Status, Date = commitment.Date,
            SummaryDe = commitment.Summary.De, SummaryEn = commitment.Summary.En,
            SourceUrl = commitment.SourceUrl, LastVerified = commitment.LastVerified,
        }, Types);

    /// <summary>The add form keeps what was typed when a new commitment was refused.</summary>
    public (string Prefix, CommitmentForm Form, List<CommitmentType> Types) NewCommitmentFields =>
        ("new", Commitment.Id is null ? Commitment : new CommitmentForm(), Types);

    static CityForm FormOf(City city) => new()
    {
        Name = city.Name, Country = city.Country, Region = city.Region,
        DescriptionDe = city.Description.De, DescriptionEn = city.Description.En,
        Latitude = city.Latitude, Longitude = city.Longitude, Version = city.Version,
    };
}
