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

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<m>\d{2})(-(?<d>\d{2}))?)?$")]
    private static partial Regex Shape();
}
