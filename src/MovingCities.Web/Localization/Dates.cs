using MovingCities.Web.Commitments;

namespace MovingCities.Web.Localization;

/// <summary>
/// Dates as a reader of the language writes them: „20. November 2025“ / "20 November 2025", a month alone as
/// „Mai 2024“, a year alone as 2019. The patterns are texts (<c>Format.Day</c>, <c>Format.Month</c>), so a new
/// language brings its own.
/// </summary>
public static class Dates
{
    public static string Day(DateOnly date, string lang) =>
        date.ToString(Texts.Site.Get("Format.Day", lang), SiteLanguages.Culture(lang));

    /// <summary>An ISO date as precise as known (<c>2019</c>, <c>2019-06</c>, <c>2019-06-20</c>); anything else as given.</summary>
    public static string Partial(string value, string lang)
    {
        if (!PartialDate.TryParse(value, out var year, out var month, out var day))
            return value;
        if (month is null)
            return year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var date = new DateOnly(year, month.Value, day ?? 1);
        return day is null
            ? date.ToString(Texts.Site.Get("Format.Month", lang), SiteLanguages.Culture(lang))
            : Day(date, lang);
    }
}
