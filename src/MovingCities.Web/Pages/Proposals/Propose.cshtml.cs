using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;
using MovingCities.Web.Localization;
using MovingCities.Web.Proposals;
using MovingCities.Web.Resources;
using MovingCities.Web.Text;

namespace MovingCities.Web.Pages.Proposals;

/// <summary>
/// The public proposal form: anyone may propose a commitment or a correction, with its source. Nothing is public until
/// an editor accepts it (<c>/admin/proposals</c>). Against abuse: antiforgery (Razor Pages), a honeypot field, the
/// length rules, <see cref="ProposalLimiter"/> per address and <see cref="ProposalRules.MaxPending"/> in all.
/// Field names are the words of the form (<c>city</c>, <c>type</c>, …), so a link can fill them.
/// </summary>
public sealed class ProposeModel(MovingCitiesDb db, GazetteerSource gazetteer, ProposalLimiter limiter, IStringLocalizer<Strings> text) : PageModel
{
    /// <summary>An existing city's slug; empty for a new place (<see cref="Place"/>).</summary>
    [BindProperty(Name = "city", SupportsGet = true), TextLength(CityRules.MaxCodeLength), Display(Name = "Propose.Field.City")]
    public string? City { get; set; }

    /// <summary>A place not on the map yet, by its name.</summary>
    [BindProperty(Name = "place"), TextLength(ProposalRules.MaxPlaceNameLength), Display(Name = "Propose.Field.Place")]
    public string? Place { get; set; }

    [BindProperty(Name = "type", SupportsGet = true), TextLength(CityRules.MaxCodeLength), Display(Name = "Propose.Field.Type")]
    public string? Type { get; set; }

    [BindProperty(Name = "status"), TextLength(CityRules.MaxCodeLength), Display(Name = "Propose.Field.Status")]
    public string? Status { get; set; }

    [BindProperty(Name = "date"), PartialDate, Display(Name = "Propose.Field.Date")]
    public string? Date { get; set; }

    [BindProperty(Name = "summary"), TextLength(ProposalRules.MaxSummaryLength), Display(Name = "Propose.Field.Summary")]
    public string? Summary { get; set; }

    [BindProperty(Name = "sourceUrl"), Required(ErrorMessage = "Validation.Required"), HttpUrl, Display(Name = "Propose.Field.SourceUrl")]
    public string? SourceUrl { get; set; }

    [BindProperty(Name = "email"), TextLength(ProposalRules.MaxEmailLength), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Propose.Field.Email")]
    public string? Email { get; set; }

    /// <summary>The honeypot: hidden from people, filled by bots. Filled, the form pretends success and stores nothing.</summary>
    [BindProperty(Name = "website")]
    public string? Website { get; set; }

    public sealed record CityOption(string Slug, string Name, string Country);

    public List<CityOption> Cities { get; private set; } = [];
    public List<CommitmentType> Types { get; private set; } = [];

    /// <summary>The proposal was received (shown after the redirect).</summary>
    public bool Sent { get; private set; }

    /// <summary>Why nothing was stored although the form was fine: too many from this address, or the queue is full.</summary>
    public string? Refusal { get; private set; }

    public static readonly CommitmentStatus[] Statuses = Enum.GetValues<CommitmentStatus>();

    public async Task OnGetAsync(bool sent = false)
    {
        Sent = sent;
        await LoadAsync();
        // A link's city or type that is not (or no longer) on the map preselects nothing.
        if (City is not null && !Cities.Any(c => c.Slug == City))
            City = null;
        if (Type is not null && !Types.Any(t => t.Key == Type))
            Type = null;
        ModelState.Clear(); // a link's query is a suggestion, not a submitted form
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var lang = SiteLanguages.Current;
        if (!string.IsNullOrEmpty(Website))
            return Redirect(Addresses.Propose(lang) + "?sent=true"); // a bot: it learns nothing

        await LoadAsync();
        string? slug = null;
        if (!string.IsNullOrWhiteSpace(City))
        {
            slug = Cities.FirstOrDefault(c => c.Slug == City)?.Slug;
            if (slug is null)
                ModelState.AddModelError(nameof(City), text["Propose.UnknownCity"]);
        }
        else if (string.IsNullOrWhiteSpace(Place))
            ModelState.AddModelError(nameof(Place), text["Propose.PlaceRequired"]);
        else if (ModelState.GetFieldValidationState(nameof(Place)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            if (CityRules.NameProblem(Place) is { } problem)
                ModelState.AddModelError(nameof(Place), problem.InCurrentLanguage());
            else
            {
                var key = CityRules.NameKey(Place);
                slug = await db.Cities.Where(c => c.SearchName == key).Select(c => c.Slug).FirstOrDefaultAsync();
                if (slug is null && gazetteer.Gazetteer.Named(UnicodeText.Clean(Place.Trim())).Count == 0)
                    ModelState.AddModelError(nameof(Place), text["Propose.PlaceNotFound", Place.Trim()]);
            }
        }
        if (string.IsNullOrWhiteSpace(Type))
            ModelState.AddModelError(nameof(Type), text["Validation.Required", text["Propose.Field.Type"]]);
        else if (!Types.Any(t => t.Key == Type))
            ModelState.AddModelError(nameof(Type), text["Propose.UnknownType"]);
        var status = ParseStatus(Status);
        if (status is null)
            ModelState.AddModelError(nameof(Status), text["Propose.UnknownStatus"]);
        if (!ModelState.IsValid)
            return Page();

        if (limiter.TryTake(HttpContext) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            Refusal = text[minutes == 1 ? "Propose.TooMany.One" : "Propose.TooMany", ProposalRules.PerWindow, minutes];
            return Page();
        }
        if (await db.Proposals.CountAsync(p => p.State == ProposalState.Pending) >= ProposalRules.MaxPending)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Refusal = text["Propose.QueueFull"];
            return Page();
        }

        db.Proposals.Add(new Proposal
        {
            CitySlug = slug,
            PlaceName = slug is null ? UnicodeText.Clean(Place!.Trim()) : null,
            TypeKey = Type!,
            Status = status!.Value,
            Date = string.IsNullOrWhiteSpace(Date) ? null : Date.Trim(),
            Summary = string.IsNullOrWhiteSpace(Summary) ? null : Summary.Trim(),
            Language = lang,
            SourceUrl = SourceUrl!.Trim(),
            Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim(),
            CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return Redirect(Addresses.Propose(lang) + "?sent=true");
    }

    /// <summary>A status as the form sends it (its lowercase word); numbers are not statuses.</summary>
    static CommitmentStatus? ParseStatus(string? value) =>
        value is { Length: > 0 } && char.IsAsciiLetter(value[0]) && Enum.TryParse<CommitmentStatus>(value, ignoreCase: true, out var status) ? status : null;

    public string SelectedStatus => ParseStatus(Status)?.ToString().ToLowerInvariant() ?? "decided";

    async Task LoadAsync()
    {
        var lang = SiteLanguages.Current;
        var comparer = StringComparer.Create(SiteLanguages.Culture(lang), ignoreCase: true);
        Cities = (await db.Cities.AsNoTracking().Select(c => new CityOption(c.Slug, c.Name, c.Country)).ToListAsync())
            .OrderBy(c => c.Name, comparer).ThenBy(c => c.Country, StringComparer.Ordinal).ToList();
        Types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync();
    }

    /// <summary>A field's messages, for the text next to it.</summary>
    public IEnumerable<string> ErrorsOf(string property) =>
        ModelState.TryGetValue(property, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0) : [];
}
