using System.Text.Json;

namespace MovingCities.Web.Pages;

/// <summary>A city on a page's small map; GeoJSON order (longitude, latitude) like everything server-side.</summary>
public sealed record MapPoint(string Slug, string Name, double Longitude, double Latitude)
{
    /// <summary>The cities' points in name order, as the pages list them.</summary>
    public static List<MapPoint> Of(IEnumerable<MovingCities.Web.Cities.City> cities) =>
        cities.OrderBy(c => c.Name).Select(c => new MapPoint(c.Slug, c.Name, c.Longitude, c.Latitude)).ToList();

    /// <summary>The points for the mini map's data attribute (Razor encodes the attribute).</summary>
    public static string ToJson(IEnumerable<MapPoint> points) => JsonSerializer.Serialize(points, JsonSerializerOptions.Web);
}

/// <summary>What the post partial shows: the post, its rendered body and its cities' positions.</summary>
public sealed record PostView(MovingCities.Web.News.NewsDetail Post, Microsoft.AspNetCore.Html.IHtmlContent Body, IReadOnlyList<MapPoint> Points);
