using System.ComponentModel.DataAnnotations;
using MovingCities.Web.Localization;
using MovingCities.Web.Text;

namespace MovingCities.Web.Cities;

/// <summary>
/// What a city's texts must be, for every way a city comes in: the geodata files, <c>import</c> and the editor's
/// forms read these limits and this name rule, so a name the import refuses the form refuses too.
/// </summary>
public static class CityRules
{
    public const int MaxNameLength = 200;
    public const int MaxRegionLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxCommitmentSummaryLength = 2000;
    public const int MaxLocationNoteLength = 500;

    /// <summary>Codes and keys (country, type, status, identifiers): far longer is never one of them.</summary>
    public const int MaxCodeLength = 100;

    /// <summary>
    /// How far a city's point may lie from the gazetteer's point for its name: <c>validate-geodata</c> refuses a
    /// point beyond it (unless a location note explains it), the editor's form asks the editor to confirm it.
    /// </summary>
    public const double MaxKmFromGazetteer = 5;

    /// <summary>
    /// Whether a code is an ISO 3166-1 alpha-2 country code as stored: two ASCII capitals (<c>DE</c>).
    /// <paramref name="anyCase"/> takes the code as a person types it (<c>de</c>), to be stored upper-cased.
    /// </summary>
    public static bool IsCountryCode(string? code, bool anyCase = false) =>
        code is { Length: 2 } && code.All(c => anyCase ? char.IsAsciiLetter(c) : char.IsAsciiLetterUpper(c));

    /// <summary>
    /// What two names of the same city share: they fold alike, whatever their case, accents, composition (NFD from a
    /// Mac) or punctuation. With the country it tells whether a city is already on the map; stored as
    /// <see cref="City.SearchName"/>, so the question runs in SQL.
    /// </summary>
    public static string NameKey(string name) => Slug.SearchKey(name);

    /// <summary>
    /// Why a name cannot be a city's name, or null. The name gives the city its address (slug) and its search key,
    /// both in Latin letters: a name without any (an emoji, a name only in another script) would give neither.
    /// </summary>
    public static Message? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return new("Rule.CityName.Missing");
        if (UnicodeText.Length(name) > MaxNameLength)
            return new("Rule.CityName.TooLong", MaxNameLength);
        if (Slug.From(name).Length == 0)
            return UnicodeText.HasLetterOrDigit(name) ? new("Rule.CityName.NotLatin") : new("Rule.CityName.NoLetters");
        return null;
    }
}

/// <summary><see cref="CityRules.NameProblem"/> as form validation, in the request's language.</summary>
public sealed class CityNameAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        CityRules.NameProblem(value as string) is { } problem ? new ValidationResult(problem.InCurrentLanguage(), [validationContext.MemberName!]) : ValidationResult.Success;
}

/// <summary><see cref="CityRules.IsCountryCode"/> as form validation, in the request's language; the form takes either case.</summary>
public sealed class CountryCodeAttribute : ValidationAttribute
{
    public static readonly Message Problem = new("Rule.CountryCode");

    public override bool IsValid(object? value) => value is not string code || CityRules.IsCountryCode(code, anyCase: true);

    public override string FormatErrorMessage(string name) => Problem.InCurrentLanguage();
}
