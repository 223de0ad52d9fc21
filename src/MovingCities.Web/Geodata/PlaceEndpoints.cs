using Microsoft.AspNetCore.Http.HttpResults;
using MovingCities.Web.Cities;
using MovingCities.Web.Http;

namespace MovingCities.Web.Geodata;

/// <summary>
/// <c>GET /api/places?q=</c>: places of the gazetteer by name, for the map's "near me" when the browser gives no
/// position (the reader types where they are). Public and read-only; the places are GeoNames', not the map's cities.
/// </summary>
public static class PlaceEndpoints
{
    /// <summary>How many places an answer names at most.</summary>
    public const int MaxPlaces = 10;

    public static IEndpointRouteBuilder MapPlaces(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/places").WithTags("Places")
            .MapGet("/", FindPlaces)
            .WithName(nameof(FindPlaces))
            .WithSummary("Places (GeoNames, Europe, 1,000 inhabitants or more) by name, the best matches first")
            .WithDescription("q=name (case and accents ignored; required), country=DE (optional, ISO 3166-1 alpha-2). " +
                "Places of exactly that name come first, largest first, then places whose name starts with it; at most 10. " +
                "Each: name, country, region (may be null), longitude, latitude.")
            .AllowOnly("q", "country")
            .Produces<PlaceList>(contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();
        return routes;
    }

    public sealed record PlaceList(IReadOnlyList<Place> Places);

    /// <param name="Region">The state, province or canton, as the gazetteer names it; null when it names none.</param>
    public sealed record Place(string Name, string Country, string? Region, double Longitude, double Latitude);

    public static Results<RepresentationResult, ValidationProblem> FindPlaces(string? q, string? country, GazetteerSource gazetteerSource)
    {
        var errors = new Dictionary<string, string[]>();
        var name = Text.UnicodeText.Clean(q ?? "").Trim();
        if (name.Length == 0)
            errors["q"] = ["Give the place's name as q (e.g. q=Konstanz)."];
        else if (Text.UnicodeText.Length(name) > CityQuery.MaxSearchLength)
            errors["q"] = [$"The place name is longer than {CityQuery.MaxSearchLength} characters."];
        else if (Text.Slug.SearchKey(name).Length == 0)
            errors["q"] = [Text.UnicodeText.HasLetterOrDigit(name)
                ? "Give the name in Latin letters (e.g. Konstanz, Kraków, Zürich); names in other scripts are not indexed."
                : "The place name must contain at least one letter or digit."];
        var code = country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
            code = null;
        else if (!CityRules.IsCountryCode(code))
            errors["country"] = [$"'{country}' is not an ISO 3166-1 alpha-2 country code. Use a code such as DE."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Invalid place search");

        var places = new List<GazetteerPlace>();
        if (gazetteerSource.Gazetteer is { } gazetteer)
        {
            places.AddRange(gazetteer.Find(name, code, MaxPlaces));
            if (places.Count < MaxPlaces)
                places.AddRange(gazetteer.StartingWith(name, code, 2 * MaxPlaces).Except(places).Take(MaxPlaces - places.Count));
        }
        return Representation.Json(new PlaceList(places.Select(p => new Place(
            p.Name, p.Country, p.Region, Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6))).ToList())).ToResult();
    }
}
