using MovingCities.Web.Data;
using MovingCities.Web.Http;
using MovingCities.Web.News;
using NetTopologySuite.Features;
using System.IO.Compression;
using System.Text.Json;
using MovingCities.Web.Commitments;

namespace MovingCities.Web.Cities;

/// <summary>The slim per-city properties the map layer needs.</summary>
public sealed record CitySummary(
    string Slug, string Name, string Country, string? Region, double Longitude, double Latitude,
    List<CommitmentRow> Commitments, int NewsCount, PlaceKind Kind = PlaceKind.Municipality, List<string>? Networks = null)
{
    /// <summary>The commitments as the filters see them (<see cref="CitySelection"/>).</summary>
    public IEnumerable<CommitmentFact> Facts => Commitments.Select(c => new CommitmentFact(c.Type, c.Status, CommitmentStatuses.Year(c.Date)));
}

/// <summary>A commitment as read for the layer: its type, status and partial date.</summary>
public sealed record CommitmentRow(string Type, CommitmentStatus Status, string? Date);

/// <summary>Builds the city layer's GeoJSON, shared by the prepared full layer and filtered answers.</summary>
public static class CityFeatures
{
    public static IQueryable<CitySummary> Summaries(IQueryable<City> cities) =>
        cities.OrderBy(c => c.Slug).Select(c => new CitySummary(
            c.Slug, c.Name, c.Country, c.Region, c.Longitude, c.Latitude,
            c.Commitments.Select(m => new CommitmentRow(m.TypeKey, m.Status, m.Date)).ToList(),
            c.NewsPosts.Count(p => p.Status == NewsStatus.Published),
            c.Kind, c.Memberships.OrderBy(m => m.Network.Slug).Select(m => m.Network.Slug).ToList()));

    /// <param name="typeOrder">Catalogue position of each commitment type, so keys come in legend order.</param>
    public static Representation Layer(IEnumerable<CitySummary> cities, IReadOnlyDictionary<string, int> typeOrder,
        CompressionLevel level = CompressionLevel.Fastest) =>
        Layer(cities.Select(city => (city, (double?)null)), typeOrder, level);

    /// <summary>The layer with each city's distance from a point (<c>distanceKm</c>, one decimal) where given.</summary>
    public static Representation Layer(IEnumerable<(CitySummary City, double? Km)> cities, IReadOnlyDictionary<string, int> typeOrder,
        CompressionLevel level = CompressionLevel.Fastest)
    {
        var collection = new FeatureCollection();
        foreach (var (city, km) in cities)
        {
            // commitments: the live types, as before (they colour the marker); items: every commitment's type,
            // status and year, compact, so the map filters by status and time without a request per city.
            var facts = city.Facts.OrderBy(f => typeOrder.GetValueOrDefault(f.Type, int.MaxValue)).ThenBy(f => f.Year ?? int.MaxValue).ToList();
            var keys = facts.Where(f => f.Status.IsLive()).Select(f => f.Type).Distinct().ToArray();
            var items = facts.Select(f => new object?[] { f.Type, f.Status.ToString().ToLowerInvariant(), f.Year }).ToArray();
            var properties = new AttributesTable
            {
                { "id", city.Slug },
                { "name", city.Name },
                { "kind", city.Kind.Key() },
                { "country", city.Country },
                { "region", city.Region },
                { "commitments", keys },
                { "items", items },
                { "newsCount", city.NewsCount },
                // networks: the slugs of the networks it belongs to; a member without a live commitment is drawn as one
                { "networks", city.Networks ?? [] },
            };
            if (km is { } distance)
                properties.Add("distanceKm", Math.Round(distance, 1));
            collection.Add(new Feature(Spatial.CreatePoint(city.Longitude, city.Latitude), properties));
        }
        return new Representation(JsonSerializer.SerializeToUtf8Bytes(collection, GeoJson.Compact), GeoJson.MediaType, level);
    }
}
