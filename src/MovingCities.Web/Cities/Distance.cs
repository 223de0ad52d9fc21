namespace MovingCities.Web.Cities;

/// <summary>
/// Distances between places on the map, along the earth's surface (great circle, haversine on a sphere of the
/// mean earth radius). NetTopologySuite measures lon/lat points in degrees, not kilometres, so this is the one
/// place a distance in km is computed. Within 0.5 % of the geodesic distance on the ellipsoid.
/// </summary>
public static class Distance
{
    /// <summary>The mean earth radius (IUGG), in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>The great-circle distance in km between two points given as longitude and latitude in degrees.</summary>
    public static double Km(double longitude1, double latitude1, double longitude2, double latitude2) =>
        Km(new Position(longitude1, latitude1), new Position(longitude2, latitude2));

    /// <inheritdoc cref="Km(double, double, double, double)"/>
    public static double Km(in Position a, in Position b)
    {
        var sinLat = Math.Sin((b.LatitudeRadians - a.LatitudeRadians) / 2);
        var sinLon = Math.Sin((b.LongitudeRadians - a.LongitudeRadians) / 2);
        var h = sinLat * sinLat + a.CosLatitude * b.CosLatitude * sinLon * sinLon;
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>
    /// The squared straight-line distance through the earth between two points on the unit sphere: it grows with
    /// the great-circle distance, so it ranks points by distance with a few multiplications and no trigonometry
    /// (for sorting many cities; <see cref="KmOfChordSquared"/> turns it into km).
    /// </summary>
    public static double ChordSquared(in Position a, in Position b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        var dz = a.Z - b.Z;
        return dx * dx + dy * dy + dz * dz;
    }

    /// <summary>The great-circle distance in km for a <see cref="ChordSquared"/> value (the same as <see cref="Km(in Position, in Position)"/>).</summary>
    public static double KmOfChordSquared(double chordSquared) =>
        2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(chordSquared) / 2));

    /// <summary>
    /// A distance as the language writes numbers, without the unit: one decimal below 10 km (<c>2,5</c> in German,
    /// <c>2.5</c> in English, <c>3</c> rather than <c>3,0</c>), whole kilometres from there (<c>1.234</c>, <c>1,234</c>).
    /// </summary>
    public static string Written(double km, System.Globalization.CultureInfo culture) =>
        km < 9.95 ? Math.Round(km, 1).ToString("0.#", culture) : Math.Round(km).ToString("N0", culture);

    /// <summary>A point prepared for many distance computations (radians and the latitude's cosine computed once).</summary>
    public readonly record struct Position
    {
        public Position(double longitude, double latitude)
        {
            LongitudeRadians = longitude * Math.PI / 180;
            LatitudeRadians = latitude * Math.PI / 180;
            CosLatitude = Math.Cos(LatitudeRadians);
            X = CosLatitude * Math.Cos(LongitudeRadians);
            Y = CosLatitude * Math.Sin(LongitudeRadians);
            Z = Math.Sin(LatitudeRadians);
        }

        public double LongitudeRadians { get; }
        public double LatitudeRadians { get; }
        public double CosLatitude { get; }

        /// <summary>The point on the unit sphere (for <see cref="ChordSquared"/>).</summary>
        public double X { get; }
        public double Y { get; }
        public double Z { get; }
    }
}
