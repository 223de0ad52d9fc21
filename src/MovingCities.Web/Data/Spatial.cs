using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MovingCities.Web.Cities;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace MovingCities.Web.Data;

/// <summary>
/// The one place that knows how geometries are stored.
/// </summary>
/// <remarks>
/// On PostgreSQL (<see cref="DatabaseProvider.PostgreSQL"/>) a city's position is a PostGIS
/// <c>geometry(Point, 4326)</c> with a GiST index, and box queries are spatial SQL on it.
/// On SQLite the EF Core spatial plugin (Microsoft.EntityFrameworkCore.Sqlite.NetTopologySuite) is not in the
/// package registry this project builds from, so the point is stored as WKB bytes through a value converter and box
/// queries run on two indexed REAL columns (longitude, latitude). Those two columns, kept in step by
/// <see cref="City.MoveTo"/>, exist on both: pages and files read the coordinates from them.
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

    /// <summary>How the city's position is stored and indexed on the provider.</summary>
    public static void MapPosition(EntityTypeBuilder<City> city, bool postGis)
    {
        if (postGis)
        {
            city.Property(c => c.Location).HasColumnType($"geometry(Point, {Wgs84Srid})");
            city.HasIndex(c => c.Location).HasMethod("gist");
        }
        else
        {
            city.Property(c => c.Location).HasWkbConversion();
            city.HasIndex(c => new { c.Longitude, c.Latitude });
        }
    }

    /// <summary>
    /// The cities whose position is inside the box, edges included; a box with <see cref="Box.CrossesAntimeridian"/>
    /// wraps round 180°. PostGIS answers with its index (<c>&amp;&amp;</c> against an envelope), SQLite with the two
    /// coordinate columns.
    /// </summary>
    public static IQueryable<City> InBox(MovingCitiesDb db, Box box)
    {
        if (db.Database.IsNpgsql())
            return box.CrossesAntimeridian
                ? db.Cities.FromSql($"""
                    SELECT * FROM "Cities" WHERE "Location" && ST_MakeEnvelope({box.MinLon}, {box.MinLat}, 180, {box.MaxLat}, {Wgs84Srid})
                       OR "Location" && ST_MakeEnvelope(-180, {box.MinLat}, {box.MaxLon}, {box.MaxLat}, {Wgs84Srid})
                    """)
                : db.Cities.FromSql($"""
                    SELECT * FROM "Cities" WHERE "Location" && ST_MakeEnvelope({box.MinLon}, {box.MinLat}, {box.MaxLon}, {box.MaxLat}, {Wgs84Srid})
                    """);
        var cities = db.Cities.Where(c => c.Latitude >= box.MinLat && c.Latitude <= box.MaxLat);
        return box.CrossesAntimeridian
            ? cities.Where(c => c.Longitude >= box.MinLon || c.Longitude <= box.MaxLon)
            : cities.Where(c => c.Longitude >= box.MinLon && c.Longitude <= box.MaxLon);
    }

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
