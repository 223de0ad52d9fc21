using System.Globalization;
using System.Text.RegularExpressions;

namespace MovingCities.Web.Commitments;

/// <summary>Dates known to the year, month or day, written as ISO 8601 prefixes so they sort as text.</summary>
public static partial class PartialDate
{
    public static bool IsValid(string value)
    {
        var match = Shape().Match(value);
        if (!match.Success)
            return false;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 1;
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
        return year >= 1000 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"2019" → "2019", "2019-06" → "June 2019", "2019-06-20" → "20 June 2019"; as precise as known.</summary>
    public static string Describe(string value)
    {
        if (!IsValid(value))
            return value;
        var parts = value.Split('-').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return parts.Length switch
        {
            1 => value,
            2 => new DateOnly(parts[0], parts[1], 1).ToString("MMMM yyyy", English),
            _ => new DateOnly(parts[0], parts[1], parts[2]).ToString("d MMMM yyyy", English),
        };
    }

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<m>\d{2})(-(?<d>\d{2}))?)?$")]
    private static partial Regex Shape();
}
