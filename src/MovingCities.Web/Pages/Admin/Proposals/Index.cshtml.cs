using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.Pages.Admin.Cities;
using MovingCities.Web.Proposals;
using MovingCities.Web.Resources;
using MovingCities.Web.Text;

namespace MovingCities.Web.Pages.Admin.Proposals;

/// <summary>
/// The editors' queue of public proposals, newest first: accept one as it came (it becomes a commitment of the city,
/// or changes the one of that type, with the proposal's source and today as last verified), edit it then accept, or
/// reject it with a reason. A review clears the proposer's email; the proposal is kept with who reviewed it and when.
/// </summary>
public sealed class IndexModel(MovingCitiesDb db, IStringLocalizer<EditorText> text) : PageModel
{
    /// <summary>A pending proposal with the city it is about (null: a place not on the map yet) and the commitment it would change (null: it adds one).</summary>
    public sealed record Row(Proposal Proposal, City? City, Commitment? Target, CommitmentType? Type)
    {
        public bool IsNewPlace => City is null;
    }

    public List<Row> Pending { get; private set; } = [];
    public List<CommitmentType> Types { get; private set; } = [];
    public string? SavedMessage { get; private set; }

    /// <summary>The proposal whose edited form was refused, with what was typed.</summary>
    public (int Id, CommitmentForm Form)? Refused { get; private set; }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        SavedMessage = TempData["Saved"] as string;
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, [Bind(Prefix = "Commitment")] CommitmentForm form)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == id);
        if (proposal is null)
            return NotFound();
        if (proposal.State != ProposalState.Pending)
            return Done(text["Proposals.AlreadyReviewed"]);
        var city = await CityOfAsync(proposal, tracked: true);
        if (city is null)
        {
            ModelState.AddModelError("", text["Proposals.AddPlaceFirst", proposal.PlaceName ?? proposal.CitySlug ?? ""]);
            return await RefuseAsync(id, form);
        }
        var types = await db.CommitmentTypes.AsNoTracking().ToListAsync();
        var type = types.FirstOrDefault(t => t.Key == form.Type);
        if (type is null)
            ModelState.AddModelError("Commitment.Type", text["Commitment.UnknownType"]);
        if (!ModelState.IsValid)
            return await RefuseAsync(id, form);
        var commitment = form.Id is null ? null : city.Commitments.FirstOrDefault(c => c.Id == form.Id);
        if (form.Id is not null && commitment is null)
            return NotFound();
        if (city.Version != form.CityVersion)
        {
            ModelState.AddModelError("", text["Proposals.CityChanged", city.Name]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await RefuseAsync(id, form);
        }

        var before = commitment is null ? null : CommitmentSnapshot.Of(commitment, city.Slug);
        if (commitment is null)
        {
            commitment = new Commitment { TypeKey = form.Type, SourceUrl = form.SourceUrl };
            city.Commitments.Add(commitment);
        }
        commitment.TypeKey = form.Type;
        commitment.Status = form.Status;
        commitment.Date = string.IsNullOrWhiteSpace(form.Date) ? null : form.Date.Trim();
        commitment.Summary = form.Summary;
        commitment.SourceUrl = form.SourceUrl.Trim();
        commitment.LastVerified = form.LastVerified ?? Today;
        Review(proposal, ProposalState.Accepted, null);

        var outcome = await VersionedSave.TrySaveAsync(db, city, form.CityVersion, () =>
            HistoryLog.Record(db, ChangeSubjects.Commitment, city.Id, $"{city.Name}: {type!.TitleEn}", before is null ? "created" : "updated",
                User.Identity!.Name!, before, CommitmentSnapshot.Of(commitment, city.Slug), ChangeOrigins.Proposal));
        if (outcome != SaveOutcome.Saved)
        {
            ModelState.AddModelError("", text["Proposals.CityChanged", city.Name]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await RefuseAsync(id, form);
        }
        return Done(text["Proposals.Accepted", city.Name]);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, string? reason)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.Id == id);
        if (proposal is null)
            return NotFound();
        if (proposal.State != ProposalState.Pending)
            return Done(text["Proposals.AlreadyReviewed"]);
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("reason", text["Proposals.ReasonRequired"]);
        else if (UnicodeText.Length(reason) > ProposalRules.MaxReasonLength)
            ModelState.AddModelError("reason", TextLengthAttribute.Problem(ProposalRules.MaxReasonLength).InCurrentLanguage());
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        Review(proposal, ProposalState.Rejected, reason!.Trim());
        await db.SaveChangesAsync();
        return Done(text["Proposals.Rejected"]);
    }

    void Review(Proposal proposal, ProposalState state, string? reason)
    {
        proposal.State = state;
        proposal.Reviewer = User.Identity!.Name;
        proposal.ReviewedAtUtc = DateTime.UtcNow;
        proposal.Reason = reason;
        proposal.Email = null; // kept only until someone has looked at it
    }

    IActionResult Done(string message)
    {
        TempData["Saved"] = message;
        return Redirect("/admin/proposals");
    }

    async Task<IActionResult> RefuseAsync(int id, CommitmentForm form)
    {
        db.ChangeTracker.Clear();
        await LoadAsync();
        Refused = (id, form);
        return Page();
    }

    async Task<City?> CityOfAsync(Proposal proposal, bool tracked)
    {
        var cities = (tracked ? db.Cities : db.Cities.AsNoTracking()).Include(c => c.Commitments).ThenInclude(c => c.Type);
        if (proposal.CitySlug is not null)
            return await cities.FirstOrDefaultAsync(c => c.Slug == proposal.CitySlug);
        // A new place: once an editor has added it, the proposal is about that city.
        var key = CityRules.NameKey(proposal.PlaceName ?? "");
        return key.Length == 0 ? null : await cities.FirstOrDefaultAsync(c => c.SearchName == key);
    }

    async Task LoadAsync()
    {
        Types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.State == ProposalState.Pending)
            .OrderByDescending(p => p.CreatedAtUtc).ThenByDescending(p => p.Id).ToListAsync();
        Pending = [];
        foreach (var proposal in proposals)
        {
            var city = await CityOfAsync(proposal, tracked: false);
            Pending.Add(new Row(proposal, city, TargetOf(city, proposal.TypeKey), Types.FirstOrDefault(t => t.Key == proposal.TypeKey)));
        }
    }

    /// <summary>The commitment a proposal corrects: the city's only one of that type; with none (or several to choose from) it adds one.</summary>
    static Commitment? TargetOf(City? city, string type) =>
        city?.Commitments.Where(c => c.TypeKey == type).ToList() is [var only] ? only : null;

    /// <summary>The accept form as the proposal says it, over the commitment it changes.</summary>
    public CommitmentForm FormFor(Row row)
    {
        if (Refused is { } refused && refused.Id == row.Proposal.Id)
            return refused.Form;
        var proposal = row.Proposal;
        var summary = row.Target?.Summary ?? LocalizedText.Empty;
        var de = proposal.Summary is not null && proposal.Language == "de" ? proposal.Summary : summary.De;
        var en = proposal.Summary is not null && proposal.Language != "de" ? proposal.Summary : summary.En;
        return new CommitmentForm
        {
            Id = row.Target?.Id, Type = proposal.TypeKey, Status = proposal.Status, Date = proposal.Date,
            SummaryDe = de, SummaryEn = en, SourceUrl = proposal.SourceUrl, LastVerified = Today, CityVersion = row.City?.Version ?? 0,
        };
    }
}
