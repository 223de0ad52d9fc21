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

    /// <summary>
    /// Every named country in a language, code → name: handed to the map's scripts, which then need not load ICU's
    /// region names on a phone before the map shows.
    /// </summary>
    public static IReadOnlyDictionary<string, string> All(string lang) =>
        Texts.Site.Starting("Country.", lang).ToDictionary(entry => entry.Key["Country.".Length..], entry => entry.Value);
}
