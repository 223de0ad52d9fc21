namespace MovingCities.Web.Cities;

/// <summary>
/// What a place on the map is. A district (Landkreis, Kreis, Region Hannover, a Vienna Bezirk) is drawn and counted
/// apart from cities and towns: its council speaks for many municipalities, or for part of one. Stated in
/// <c>geodata/cities.geojson</c> as <c>"kind": "district"</c>; never inferred at run time.
/// </summary>
public enum PlaceKind
{
    Municipality,
    District,
}

public static class PlaceKinds
{
    /// <summary>The words the files and the API use.</summary>
    public static string Key(this PlaceKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out PlaceKind kind)
    {
        kind = PlaceKind.Municipality;
        return text is not null && Enum.GetValues<PlaceKind>().Any(k => k.Key() == text) && Enum.TryParse(text, ignoreCase: true, out kind);
    }
}
