namespace MovingCities.Web.Resources;

/// <summary>
/// The map explorer's text (MapText.resx in English, MapText.de.resx in German), named by the keys of the map's
/// <c>options.strings</c> (wwwroot/js/explorer.js). Only a type to find the resources by, as
/// <c>IStringLocalizer&lt;MapText&gt;</c> does.
/// </summary>
public sealed class MapText;
