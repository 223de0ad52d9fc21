using MovingCities.Web.Data;
using MovingCities.Web.Http;
using MovingCities.Web.News;
using NetTopologySuite.Features;
using System.IO.Compression;
using System.Text.Json;

namespace MovingCities.Web.Cities;

/// <summary>The slim per-city properties the map layer needs.</summary>
public sealed record CitySummary(
    string Slug, string Name, string Country, string? Region, double Longitude, double Latitude,
    List<string> CommitmentKeys, int NewsCount);

/// <summary>Builds the city layer's GeoJSON, shared by the prepared full layer and filtered answers.</summary>
public static class CityFeatures
{
    public static IQueryable<CitySummary> Summaries(IQueryable<City> cities) =>
        cities.OrderBy(c => c.Slug).Select(c => new CitySummary(
            c.Slug, c.Name, c.Country, c.Region, c.Longitude, c.Latitude,
            c.Commitments.Select(m => m.TypeKey).ToList(),
            c.NewsPosts.Count(p => p.Status == NewsStatus.Published)));

    /// <param name="typeOrder">Catalogue position of each commitment type, so keys come in legend order.</param>
    public static Representation Layer(IEnumerable<CitySummary> cities, IReadOnlyDictionary<string, int> typeOrder,
        CompressionLevel level = CompressionLevel.Fastest)
    {
        var collection = new FeatureCollection();
        foreach (var city in cities)
        {
            var keys = city.CommitmentKeys.Distinct().OrderBy(k => typeOrder.GetValueOrDefault(k, int.MaxValue)).ToArray();
            collection.Add(new Feature(Spatial.CreatePoint(city.Longitude, city.Latitude), new AttributesTable
            {
                { "id", city.Slug },
                { "name", city.Name },
                { "country", city.Country },
                { "region", city.Region },
                { "commitments", keys },
                { "newsCount", city.NewsCount },
            }));
        }
        return new Representation(JsonSerializer.SerializeToUtf8Bytes(collection, GeoJson.Compact), GeoJson.MediaType, level);
    }
}
