namespace MovingCities.Web.Localization;

/// <summary>
/// Country names in the reader's language (Deutschland, Germany): texts <c>Country.{code}</c>, taken from CLDR
/// (as <c>Intl.DisplayNames</c> gives them) for every European country, so pages and the map's scripts agree.
/// </summary>
public static class Countries
{
    /// <summary>The name of an ISO 3166-1 alpha-2 code in a language; the code itself when it has no name.</summary>
    public static string Name(string code, string lang) =>
        Texts.Site.Find($"Country.{code.ToUpperInvariant()}", lang) ?? code;
}
