using MovingCities.Web.Commitments;
using MovingCities.Web.Data;
using MovingCities.Web.History;
using MovingCities.Web.Networks;
using MovingCities.Web.News;
using MovingCities.Web.Text;
using NetTopologySuite.Geometries;

namespace MovingCities.Web.Cities;

/// <summary>A municipality (or a district with its own commitments) on the map.</summary>
public class City : IVersioned, IPublicData
{
    string _name = "";

    public int Id { get; set; }

    /// <summary>Lowercase ASCII, unique; see <see cref="Text.Slug"/>.</summary>
    public required string Slug { get; set; }

    /// <summary>Stored composed (NFC), so a name typed on a Mac (u + ◌̈) equals the same name typed elsewhere.</summary>
    public required string Name
    {
        get => _name;
        set
        {
            _name = Text.UnicodeText.Clean(value);
            SearchName = CityRules.NameKey(_name);
        }
    }

    /// <summary>The name without accents or case, so prefix search can run in SQL.</summary>
    public string SearchName { get; private set; } = "";

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; set; }

    /// <summary>State, canton or province.</summary>
    public string? Region { get; set; }

    /// <summary>A municipality or a district (drawn and counted apart).</summary>
    public PlaceKind Kind { get; set; }

    public Point Location { get; private set; } = Spatial.CreatePoint(0, 0);

    /// <summary>Mirror of <see cref="Location"/> for indexed box queries; set only through <see cref="MoveTo"/>.</summary>
    public double Longitude { get; private set; }

    /// <inheritdoc cref="Longitude"/>
    public double Latitude { get; private set; }

    /// <summary>German official municipality key (Amtlicher Gemeindeschlüssel), 8 digits.</summary>
    public string? Ags { get; set; }

    /// <summary>Wikidata item, e.g. Q3834.</summary>
    public string? WikidataId { get; set; }

    /// <summary>A short description in German and/or English; <see cref="LocalizedText.Empty"/> when there is none.</summary>
    public LocalizedText Description { get; set; } = LocalizedText.Empty;

    /// <summary>An in-depth profile of the city, such as its page on moving-cities.eu.</summary>
    public string? ProfileUrl { get; set; }

    /// <summary>Raised by every edit of the city or its commitments; see <see cref="News.NewsPost.Version"/>.</summary>
    public int Version { get; set; }

    /// <summary>The gazetteer's name for the place where it differs from <see cref="Name"/> ("Hanau am Main").</summary>
    public string? GazetteerName { get; set; }

    /// <summary>
    /// Why the position is not the gazetteer's point for the name (a district placed at its city, say); a city
    /// with a note is exempt from the 5 km check in <c>validate-geodata</c>.
    /// </summary>
    public string? LocationNote { get; set; }

    public List<Commitment> Commitments { get; set; } = [];

    public List<NetworkMembership> Memberships { get; set; } = [];

    public List<NewsPost> NewsPosts { get; set; } = [];

    /// <summary>Places the city; the only way to change its position, so the point and its columns agree.</summary>
    public void MoveTo(double longitude, double latitude)
    {
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180.");
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90.");
        Location = Spatial.CreatePoint(longitude, latitude);
        Longitude = Location.X;
        Latitude = Location.Y;
    }
}
