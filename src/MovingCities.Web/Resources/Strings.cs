namespace MovingCities.Web.Resources;

/// <summary>
/// The site's texts: <c>Strings.resx</c> (English) and <c>Strings.de.resx</c> (German), read through
/// <c>IStringLocalizer&lt;Strings&gt;</c>. Keys name where a text is used (<c>Nav.News</c>, <c>City.Sources</c>).
/// </summary>
public sealed class Strings;
