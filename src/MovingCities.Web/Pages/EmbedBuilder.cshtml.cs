using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.Localization;
using MovingCities.Web.Sharing;

namespace MovingCities.Web.Pages;

/// <summary>
/// Putting an embed together: which city or which commitment types and country, the frame's size and language;
/// a preview and the snippet to copy. A plain GET form, so it works without scripts and every choice is a link.
/// </summary>
public sealed class EmbedBuilderModel(MovingCitiesDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "city")] public string? City { get; set; }
    [BindProperty(SupportsGet = true, Name = "commitment")] public string[] Commitment { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "country")] public string? Country { get; set; }
    [BindProperty(SupportsGet = true, Name = "language")] public string? Language { get; set; }
    [BindProperty(SupportsGet = true, Name = "width")] public string? Width { get; set; }
    [BindProperty(SupportsGet = true, Name = "height")] public string? Height { get; set; }

    public sealed record Choice(string Value, string Label);

    public List<Choice> Cities { get; private set; } = [];
    public List<(Choice Type, string Color)> Types { get; private set; } = [];
    public List<Choice> Countries { get; private set; } = [];
    public List<string> Problems { get; } = [];

    public string EmbedLanguage { get; private set; } = SiteLanguages.Default;
    public int FrameWidth { get; private set; } = EmbedCode.DefaultWidth;
    public int FrameHeight { get; private set; } = EmbedCode.DefaultHeight;
    public EmbedTarget Target { get; private set; } = null!;
    public string Snippet { get; private set; } = "";
    public string EmbedUrl { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var lang = SiteLanguages.Current;
        EmbedLanguage = Language is { } chosen && SiteLanguages.IsSupported(chosen) ? chosen : lang;
        var cities = await db.Cities.AsNoTracking().Select(c => new { c.Slug, c.Name, c.Country }).ToListAsync(cancellationToken);
        var compare = StringComparer.Create(SiteLanguages.Culture(lang), CompareOptions.IgnoreCase);
        Cities = cities.Select(c => new Choice(c.Slug, c.Name)).OrderBy(c => c.Label, compare).ToList();
        Countries = cities.Select(c => c.Country).Distinct()
            .Select(code => new Choice(code, Localization.Countries.Name(code, lang))).OrderBy(c => c.Label, compare).ToList();
        Types = (await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken))
            .Select(t => (new Choice(t.Key, new LocalizedText(t.TitleDe, t.TitleEn).In(lang)?.Text ?? t.Key), t.Color)).ToList();

        // Unknown choices are said and left out, never passed on to the embed.
        var city = string.IsNullOrWhiteSpace(City) ? null : Cities.FirstOrDefault(c => c.Value == City.Trim().ToLowerInvariant());
        if (!string.IsNullOrWhiteSpace(City) && city is null)
            Problems.Add(Texts.Site.Get("Share.Builder.UnknownCity", lang, City));
        // A blank value binds as null (the framework turns empty strings into null).
        var types = Commitment.OfType<string>().SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        foreach (var unknown in types.Where(t => Types.All(known => known.Type.Value != t)))
            Problems.Add(Texts.Site.Get("Share.Builder.UnknownType", lang, unknown));
        types = types.Where(t => Types.Any(known => known.Type.Value == t)).ToList();
        var country = string.IsNullOrWhiteSpace(Country) ? null : Countries.FirstOrDefault(c => c.Value == Country.Trim().ToUpperInvariant());
        if (!string.IsNullOrWhiteSpace(Country) && country is null)
            Problems.Add(Texts.Site.Get("Share.Builder.UnknownCountry", lang, Country));
        FrameWidth = Size(Width, EmbedCode.DefaultWidth, "Share.Builder.Width", lang);
        FrameHeight = Size(Height, EmbedCode.DefaultHeight, "Share.Builder.Height", lang);
        City = city?.Value;
        Country = country?.Value;
        Commitment = types.ToArray();

        var state = new List<KeyValuePair<string, string>>();
        if (types.Count > 0) state.Add(new("commitment", string.Join(",", types)));
        if (country is not null) state.Add(new("country", country.Value));
        if (city is not null) state.Add(new("city", city.Value));
        Target = new EmbedTarget(EmbedLanguage, state, EmbedCode.FrameTitle(EmbedLanguage, city?.Label));
        EmbedUrl = $"{Request.Scheme}://{Request.Host}{Target.Path}";
        Snippet = EmbedCode.Iframe(EmbedUrl, FrameWidth, FrameHeight, Target.Title);
    }

    int Size(string? text, int fallback, string label, string lang)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= EmbedCode.MinSize and <= EmbedCode.MaxSize)
            return value;
        Problems.Add(Texts.Site.Get("Share.Builder.BadSize", lang, Texts.Site.Get(label, lang), text, EmbedCode.MinSize, EmbedCode.MaxSize, fallback));
        return fallback;
    }
}
