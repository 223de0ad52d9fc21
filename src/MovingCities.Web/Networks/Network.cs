using MovingCities.Web.Data;
using MovingCities.Web.Cities;

namespace MovingCities.Web.Networks;

/// <summary>An alliance or network of cities, such as the International Alliance of Safe Harbours.</summary>
public class Network : IPublicData
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }

    public List<NetworkMembership> Memberships { get; set; } = [];
}

/// <summary>A city's membership in a network, with where it was read, like every other fact.</summary>
public class NetworkMembership : IPublicData
{
    public int NetworkId { get; set; }
    public Network Network { get; set; } = null!;
    public int CityId { get; set; }
    public City City { get; set; } = null!;

    /// <summary>ISO 8601 date as precise as the source, like a commitment's.</summary>
    public string? Date { get; set; }

    public string? Summary { get; set; }
    public string? SourceUrl { get; set; }
}
