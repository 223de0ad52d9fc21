using System.ComponentModel.DataAnnotations;
using MovingCities.Web.Cities;
using MovingCities.Web.Commitments;
using MovingCities.Web.Text;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;

namespace MovingCities.Web.Pages.Admin.Cities;

/// <summary>A city's own fields, for adding and editing.</summary>
public sealed class CityForm
{
    [Required, TextLength(CityRules.MaxNameLength), CityName, Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required, CountryCode, Display(Name = "Country")]
    public string Country { get; set; } = "";

    [TextLength(CityRules.MaxRegionLength), Display(Name = "Region (state, canton, province)")]
    public string? Region { get; set; }

    [TextLength(CityRules.MaxDescriptionLength), Display(Name = "Description (German)")]
    public string? DescriptionDe { get; set; }

    [TextLength(CityRules.MaxDescriptionLength), Display(Name = "Description (English)")]
    public string? DescriptionEn { get; set; }

    /// <summary>The description as typed, either language left empty when unknown (both empty: none).</summary>
    public LocalizedText Description => Bilingual.Of(DescriptionDe, DescriptionEn);

    [Range(-90, 90, ErrorMessage = "Latitude is between -90 and 90."), Display(Name = "Latitude")]
    public double Latitude { get; set; }

    [Range(-180, 180, ErrorMessage = "Longitude is between -180 and 180."), Display(Name = "Longitude")]
    public double Longitude { get; set; }

    /// <summary>Set by the editor to keep a position far from the gazetteer's point for the name.</summary>
    [Display(Name = "Keep this position although it is far from the gazetteer's point")]
    public bool ConfirmFar { get; set; }

    public int Version { get; set; }
}

/// <summary>One commitment's fields.</summary>
public sealed class CommitmentForm
{
    public int? Id { get; set; }

    [Required, Display(Name = "Type")]
    public string Type { get; set; } = "";

    [Display(Name = "Status")]
    public CommitmentStatus Status { get; set; } = CommitmentStatus.Decided;

    [PartialDate, Display(Name = "Date")]
    public string? Date { get; set; }

    [TextLength(CityRules.MaxCommitmentSummaryLength), Display(Name = "Summary (German)")]
    public string? SummaryDe { get; set; }

    [TextLength(CityRules.MaxCommitmentSummaryLength), Display(Name = "Summary (English)")]
    public string? SummaryEn { get; set; }

    /// <summary>The summary as typed, either language left empty when unknown (both empty: none).</summary>
    public LocalizedText Summary => Bilingual.Of(SummaryDe, SummaryEn);

    [Required(ErrorMessage = "Every commitment needs its source."), HttpUrl, Display(Name = "Source URL")]
    public string SourceUrl { get; set; } = "";

    [Display(Name = "Last verified")]
    public DateOnly? LastVerified { get; set; }

    /// <summary>The city's version the form was loaded with.</summary>
    public int CityVersion { get; set; }
}

/// <summary>Two form fields, German and English, as one text.</summary>
static class Bilingual
{
    public static LocalizedText Of(string? de, string? en) => new(de?.Trim(), en?.Trim());
}
