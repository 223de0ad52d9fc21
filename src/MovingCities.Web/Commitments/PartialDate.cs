using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Commitments;

/// <summary>Dates known to the year, month or day, written as ISO 8601 prefixes so they sort as text.</summary>
public static partial class PartialDate
{
    /// <summary>
    /// The shape, for every reader: this class, the editor form's validation and the browser's <c>pattern</c>.
    /// ASCII digits only: <c>\d</c> would also accept Arabic-Indic or full-width digits.
    /// </summary>
    public const string Pattern = "^(?<y>[0-9]{4})(-(?<m>[0-9]{2})(-(?<d>[0-9]{2}))?)?$";

    /// <summary>The shape, as an editor is told it.</summary>
    public static readonly Message Hint = new("Rule.PartialDate.Hint");

    public static readonly Message NoSuchDate = new("Rule.PartialDate.NoSuchDate");

    /// <summary>Why a text is not a partial date (its shape, or a month or day that does not exist), or null.</summary>
    public static Message? Problem(string? value) =>
        value is null || IsValid(value) ? null : HasShape(Shape().Match(value), value) ? NoSuchDate : Hint;

    public static bool IsValid(string? value) => TryParse(value, out _, out _, out _);

    /// <summary>The parts of a valid partial date; month and day are null when not known.</summary>
    public static bool TryParse(string? value, out int year, out int? month, out int? day)
    {
        (year, month, day) = (0, null, null);
        if (value is null)
            return false;
        var match = Shape().Match(value);
        if (!HasShape(match, value))
            return false;
        year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        return year >= 1000 && month is null or (>= 1 and <= 12) && (day is null || day >= 1 && day <= DateTime.DaysInMonth(year, month!.Value));
    }

    /// <summary>The ISO 8601 prefix for the known parts: (2019, 6, null) → "2019-06".</summary>
    public static string Format(int year, int? month, int? day) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{year:D4}{(month is { } m ? $"-{m:D2}" : "")}{(month is not null && day is { } d ? $"-{d:D2}" : "")}");

    /// <summary>The whole text matched, as in a form's validation and the browser's <c>pattern</c> (<c>$</c> alone lets a final newline through).</summary>
    static bool HasShape(Match match, string value) => match.Success && match.Length == value.Length;

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();
}

/// <summary><see cref="PartialDate"/> as form validation, in the request's language: the shape and a date that exists.</summary>
public sealed class PartialDateAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        PartialDate.Problem(value as string) is { } problem ? new ValidationResult(problem.InCurrentLanguage(), [validationContext.MemberName!]) : ValidationResult.Success;
}
