using System.ComponentModel.DataAnnotations;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Text;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;

namespace MovingCities.Web.Pages.Admin.Cities;

/// <summary>
/// A city's own fields, for adding and editing. Labels and messages are keys of <c>Resources/EditorText*.resx</c>
/// (the editor area's DataAnnotations read that resource, see Program.cs).
/// </summary>
public sealed class CityForm
{
    [Required(ErrorMessage = "Validation.Required"), TextLength(CityRules.MaxNameLength), CityName, Display(Name = "City.Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), CountryCode, Display(Name = "City.Country")]
    public string Country { get; set; } = "";

    [TextLength(CityRules.MaxRegionLength), Display(Name = "City.Region")]
    public string? Region { get; set; }

    [TextLength(CityRules.MaxDescriptionLength), Display(Name = "City.DescriptionDe")]
    public string? DescriptionDe { get; set; }

    [TextLength(CityRules.MaxDescriptionLength), Display(Name = "City.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    /// <summary>The description as typed, either language left empty when unknown (both empty: none).</summary>
    public LocalizedText Description => Bilingual.Of(DescriptionDe, DescriptionEn);

    [Range(-90, 90, ErrorMessage = "Validation.Latitude"), Display(Name = "City.Latitude")]
    public double Latitude { get; set; }

    [Range(-180, 180, ErrorMessage = "Validation.Longitude"), Display(Name = "City.Longitude")]
    public double Longitude { get; set; }

    /// <summary>Set by the editor to keep a position far from the gazetteer's point for the name.</summary>
    [Display(Name = "City.ConfirmFar")]
    public bool ConfirmFar { get; set; }

    public int Version { get; set; }
}

/// <summary>One commitment's fields.</summary>
public sealed class CommitmentForm
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Commitment.Type")]
    public string Type { get; set; } = "";

    [Display(Name = "Commitment.Status")]
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Decided;

    [PartialDate, Display(Name = "Commitment.Date")]
    public string? Date { get; set; }

    [TextLength(CityRules.MaxCommitmentSummaryLength), Display(Name = "Commitment.SummaryDe")]
    public string? SummaryDe { get; set; }

    [TextLength(CityRules.MaxCommitmentSummaryLength), Display(Name = "Commitment.SummaryEn")]
    public string? SummaryEn { get; set; }

    /// <summary>The summary as typed, either language left empty when unknown (both empty: none).</summary>
    public LocalizedText Summary => Bilingual.Of(SummaryDe, SummaryEn);

    [Required(ErrorMessage = "Validation.SourceRequired"), HttpUrl, Display(Name = "Commitment.SourceUrl")]
    public string SourceUrl { get; set; } = "";

    [Display(Name = "Commitment.LastVerified")]
    public DateOnly? LastVerified { get; set; }

    /// <summary>The city's version the form was loaded with.</summary>
    public int CityVersion { get; set; }
}

/// <summary>Two form fields, German and English, as one text.</summary>
static class Bilingual
{
    public static LocalizedText Of(string? de, string? en) => new(de?.Trim(), en?.Trim());
}
