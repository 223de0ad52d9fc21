using MovingCities.Web.Cities;

namespace MovingCities.Web.Networks;

/// <summary>An alliance or network of cities, such as the International Alliance of Safe Harbours.</summary>
public class Network
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }

    /// <summary>Where membership was read.</summary>
    public string? SourceUrl { get; set; }

    public List<City> Cities { get; set; } = [];
}
