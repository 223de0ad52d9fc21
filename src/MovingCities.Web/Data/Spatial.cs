using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MovingCities.Web.Data;

/// <summary>
/// The one place that knows how geometries are stored.
/// </summary>
/// <remarks>
/// The EF Core spatial plugin for SQLite (Microsoft.EntityFrameworkCore.Sqlite.NetTopologySuite) is not in the
/// package registry this project builds from, so points are kept as NetTopologySuite types on the entities and
/// stored as WKB bytes through a value converter. Box queries run on two indexed REAL columns (longitude,
/// latitude) kept in step by <see cref="Cities.City.MoveTo"/>. When the plugin becomes available, replace
/// <see cref="HasWkbConversion"/> with <c>UseNetTopologySuite()</c> and the columns can go.
/// </remarks>
public static class Spatial
{
    /// <summary>WGS 84 (EPSG:4326), the only reference system GeoJSON (RFC 7946) allows.</summary>
    public const int Wgs84Srid = 4326;

    /// <summary>About 10 cm; the precision positions are stored and served with.</summary>
    public const int CoordinateDecimals = 6;

    public static readonly GeometryFactory Wgs84 =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Wgs84Srid);

    public static Point CreatePoint(double longitude, double latitude) =>
        Wgs84.CreatePoint(new Coordinate(Round(longitude), Round(latitude)));

    public static double Round(double degrees) => Math.Round(degrees, CoordinateDecimals, MidpointRounding.AwayFromZero);

    public static PropertyBuilder<Point> HasWkbConversion(this PropertyBuilder<Point> property) =>
        property.HasConversion(PointToWkb, PointComparer);

    static readonly ValueConverter<Point, byte[]> PointToWkb = new(
        point => new WKBWriter(ByteOrder.LittleEndian, false).Write(point),
        bytes => ReadPoint(bytes));

    static readonly ValueComparer<Point> PointComparer = new(
        (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
        point => point.Coordinate.GetHashCode(),
        point => (Point)point.Copy());

    static Point ReadPoint(byte[] bytes)
    {
        var point = (Point)new WKBReader(NtsGeometryServices.Instance).Read(bytes);
        point.SRID = Wgs84Srid;
        return point;
    }
}
