using System.Globalization;
using MovingCities.Web.Cities;

namespace MovingCities.Tests.Cities;

public class DistanceTests
{
    [Fact]
    public void Berlin_to_Hamburg_is_about_255_km_along_the_earth()
    {
        var km = Distance.Km(13.4050, 52.5200, 9.9937, 53.5511);
        Assert.InRange(km, 254.5, 256.0);
        Assert.Equal(km, Distance.Km(9.9937, 53.5511, 13.4050, 52.5200), 9);
    }

    [Fact]
    public void A_place_is_0_km_from_itself_and_half_the_earth_from_its_antipode()
    {
        Assert.Equal(0, Distance.Km(9.17582, 47.66033, 9.17582, 47.66033), 9);
        Assert.Equal(Math.PI * Distance.EarthRadiusKm, Distance.Km(0, 0, 180, 0), 6);
    }

    [Fact]
    public void Across_the_antimeridian_is_the_short_way()
    {
        Assert.InRange(Distance.Km(179.9, 0, -179.9, 0), 22.0, 22.5);
    }

    [Theory]
    [InlineData(9.17582, 47.66033, 7.44744, 46.94809)]
    [InlineData(9.17582, 47.66033, 9.17583, 47.66033)]
    [InlineData(0, 0, 180, 0)]
    [InlineData(179.9, 0, -179.9, 0)]
    [InlineData(-10, 36, 30, 64)]
    public void The_chord_ranks_as_the_distance_and_gives_the_same_km(double lon1, double lat1, double lon2, double lat2)
    {
        Distance.Position a = new(lon1, lat1), b = new(lon2, lat2);
        Assert.Equal(Distance.Km(a, b), Distance.KmOfChordSquared(Distance.ChordSquared(a, b)), 6);
        Distance.Position farther = new(lon2 + 0.5, lat2 > 0 ? lat2 - 0.5 : lat2 + 0.5);
        Assert.Equal(Math.Sign(Distance.Km(a, b) - Distance.Km(a, farther)), Math.Sign(Distance.ChordSquared(a, b) - Distance.ChordSquared(a, farther)));
    }

    [Theory]
    [InlineData(6.0988, "de", "6,1")]
    [InlineData(6.0988, "en", "6.1")]
    [InlineData(3.0, "de", "3")]
    [InlineData(9.96, "en", "10")]
    [InlineData(255.25, "de", "255")]
    [InlineData(1234.4, "de", "1.234")]
    [InlineData(1234.4, "en", "1,234")]
    public void Distances_are_written_as_the_language_writes_numbers(double km, string lang, string expected) =>
        Assert.Equal(expected, Distance.Written(km, CultureInfo.GetCultureInfo(lang)));
}
