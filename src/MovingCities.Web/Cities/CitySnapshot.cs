using MovingCities.Web.Commitments;

namespace MovingCities.Web.Cities;

/// <summary>What editors change on a city, as its history keeps it.</summary>
public sealed record CitySnapshot(string Slug, string Name, string Country, string? Region, LocalizedText? Description, double Longitude, double Latitude)
{
    public static CitySnapshot Of(City city) =>
        new(city.Slug, city.Name, city.Country, city.Region, city.Description.OrNull(), city.Longitude, city.Latitude);
}

/// <summary>A commitment as its history keeps it.</summary>
public sealed record CommitmentSnapshot(string City, string Type, CommitmentStatus Status, string? Date, LocalizedText? Summary, string SourceUrl, DateOnly? LastVerified)
{
    public static CommitmentSnapshot Of(Commitment commitment, string citySlug) => new(citySlug, commitment.TypeKey, commitment.Status,
        commitment.Date, commitment.Summary.OrNull(), commitment.SourceUrl, commitment.LastVerified);
}
