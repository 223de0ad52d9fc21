using MovingCities.Web.Cities;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Geodata;

/// <summary>
/// A city's position against the gazetteer's point for its name, beyond <see cref="CityRules.MaxKmFromGazetteer"/>:
/// the editor's forms (adding and editing) warn and ask to confirm, <see cref="GeodataValidator"/> refuses.
/// </summary>
public static class PositionCheck
{
    public static bool IsFar(double km) => km > CityRules.MaxKmFromGazetteer;

    /// <returns>A warning, or null when the position is near the gazetteer's place (or the gazetteer does not know the name).</returns>
    public static Message? FarFromGazetteer(Gazetteer? gazetteer, string name, string country, string? region, double latitude, double longitude)
    {
        if (gazetteer?.Locate(name, country.ToUpperInvariant(), region, out _) is not { } place)
            return null;
        var km = Cities.Distance.Km(longitude, latitude, place.Longitude, place.Latitude);
        return !IsFar(km) ? null
            : new Message("Rule.Position.Far", km, place.Name, place.Latitude, place.Longitude);
    }
}
