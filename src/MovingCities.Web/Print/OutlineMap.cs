using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MovingCities.Web.Basemap;
using MovingCities.Web.Data;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace MovingCities.Web.Print;

/// <summary>
/// A small static map for paper: the country around a city (from the offline country outlines the map falls back
/// to) as SVG paths, its neighbours lighter, and the city as a dot. Printed pages cannot load tiles or run Leaflet.
/// </summary>
public sealed class OutlineMap(CountryOutlines outlines)
{
    /// <summary>Most a map shows, in degrees: a country larger than this (Norway with Svalbard, Russia) is cut to a window around the city.</summary>
    const double MaxWidth = 16, MaxHeight = 11;

    /// <summary>The drawing's size in viewBox units; the longer side is this long.</summary>
    public const double Size = 200;

    readonly Lazy<IReadOnlyList<(string? Name, Geometry Shape)>> _countries = new(() =>
    {
        if (outlines.Detailed is not { } detailed)
            return [];
        var collection = JsonSerializer.Deserialize<FeatureCollection>(detailed, GeoJson.Compact);
        // Buffer(0) mends the odd self-touching ring, which clipping would otherwise refuse.
        return collection?.Where(f => f.Geometry is Polygon or MultiPolygon)
            .Select(f => (f.Attributes?.GetOptionalValue("name") as string, f.Geometry.IsValid ? f.Geometry : f.Geometry.Buffer(0))).ToList() ?? [];
    });

    /// <summary>
    /// The drawing of a city's country (ISO 3166-1 alpha-2) with the city in it, or null when no outline is known
    /// for it (no outlines file, a point at sea).
    /// </summary>
    /// <remarks>
    /// Clipping and simplifying the detailed outlines takes about 100 ms, and the outlines never change while the
    /// app runs: each position is drawn once and kept. The positions are the cities' own (a few hundred), never
    /// anything a request sends.
    /// </remarks>
    public Drawing? Around(string country, double longitude, double latitude) =>
        _drawn.GetOrAdd((country, longitude, latitude), key => new Lazy<Drawing?>(() => Draw(key.Country, key.Longitude, key.Latitude))).Value;

    readonly ConcurrentDictionary<(string Country, double Longitude, double Latitude), Lazy<Drawing?>> _drawn = new();

    Drawing? Draw(string country, double longitude, double latitude)
    {
        var point = Spatial.Wgs84.CreatePoint(new Coordinate(longitude, latitude));
        var countries = _countries.Value.Select(c => c.Shape).ToList();
        // The outlines are named in English (Natural Earth); the position alone would put Konstanz, on the Swiss
        // side of the Rhine at this scale, in Switzerland. Without a name that matches: the outline under the city,
        // or the nearest within ~30 km (a coastal city just outside a simplified coastline).
        var name = Localization.Countries.Name(country, "en");
        var home = _countries.Value.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).Select(c => c.Shape).FirstOrDefault()
            ?? countries.FirstOrDefault(c => c.Covers(point))
            ?? countries.Select(c => (Country: c, Distance: c.Distance(point))).Where(c => c.Distance < 0.3).OrderBy(c => c.Distance).Select(c => c.Country).FirstOrDefault();
        if (home is null)
            return null;

        var window = Window(home.EnvelopeInternal, longitude, latitude);
        var frame = Spatial.Wgs84.ToGeometry(window);
        var scaleX = Math.Cos(window.Centre.Y * Math.PI / 180);
        var width = window.Width * scaleX;
        var factor = Size / Math.Max(width, window.Height);
        (double X, double Y) Project(Coordinate c) => ((c.X - window.MinX) * scaleX * factor, (window.MaxY - c.Y) * factor);

        // About half a unit on paper: finer detail is lost in print anyway and would only make the page heavier.
        var tolerance = 0.5 / factor;
        string PathOf(Geometry geometry)
        {
            var clipped = DouglasPeuckerSimplifier.Simplify(geometry.Intersection(frame), tolerance);
            var path = new StringBuilder();
            for (var i = 0; i < clipped.NumGeometries; i++)
            {
                if (clipped.GetGeometryN(i) is not Polygon polygon)
                    continue;
                // Simplifying can leave a ring empty or too small to enclose anything; a bare "Z" is not a valid path.
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings).Where(r => r.NumPoints >= 4))
                {
                    for (var j = 0; j < ring.NumPoints - 1; j++)
                    {
                        var (x, y) = Project(ring.GetCoordinateN(j));
                        path.Append(j == 0 ? 'M' : 'L').Append(Number(x)).Append(' ').Append(Number(y));
                    }
                    path.Append('Z');
                }
            }
            return path.ToString();
        }

        var neighbours = countries.Where(c => !ReferenceEquals(c, home) && c.EnvelopeInternal.Intersects(window))
            .Select(PathOf).Where(p => p.Length > 0).ToList();
        var dot = Project(new Coordinate(longitude, latitude));
        return new Drawing(Number(width * factor), Number(window.Height * factor), PathOf(home), neighbours, Number(dot.X), Number(dot.Y));
    }

    /// <summary>The country's box with a small margin, cut to at most <see cref="MaxWidth"/> × <see cref="MaxHeight"/> degrees around the city.</summary>
    static Envelope Window(Envelope country, double longitude, double latitude)
    {
        var box = new Envelope(country);
        box.ExpandToInclude(longitude, latitude);
        box.ExpandBy(Math.Max(box.Width, box.Height) * 0.04);
        static (double Min, double Max) Cut(double min, double max, double centre, double most)
        {
            if (max - min <= most)
                return (min, max);
            var start = Math.Clamp(centre - most / 2, min, max - most);
            return (start, start + most);
        }
        var (minX, maxX) = Cut(box.MinX, box.MaxX, longitude, MaxWidth);
        var (minY, maxY) = Cut(box.MinY, box.MaxY, latitude, MaxHeight);
        return new Envelope(minX, maxX, minY, maxY);
    }

    static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <param name="Country">The country's outline as an SVG path.</param>
    /// <param name="Neighbours">The parts of other countries inside the drawing.</param>
    public sealed record Drawing(string Width, string Height, string Country, IReadOnlyList<string> Neighbours, string X, string Y);
}
