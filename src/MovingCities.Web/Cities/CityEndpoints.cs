using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;
using MovingCities.Web.News;
using NetTopologySuite.Features;
using System.Text.Json;

namespace MovingCities.Web.Cities;

public static class CityEndpoints
{
    public static IEndpointRouteBuilder MapCities(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cities").WithTags("Cities");

        group.MapGet("/", ListCities)
            .WithName(nameof(ListCities))
            .WithSummary("Cities as a GeoJSON FeatureCollection, optionally filtered")
            .WithDescription("Filters: commitment=a,b (any of the types), status=decided,revoked (any; without it only live commitments: announced, decided, implemented), from=2019&to=2021 (years of a commitment's date; undated=true adds undated ones), country=DE,CH, region=Bayern,Hessen, bbox=minLon,minLat,maxLon,maxLat, q=name prefix (accents and case ignored), near=lon,lat (sorted by great-circle distance from that point, nearest first, each feature with distanceKm, one decimal) and limit=n (with near: only the n nearest, 1 to 1000). Type, status and years apply to the same commitment; near and limit apply after every other filter. Each feature has commitments (its live types) and items ([type, status, year] of every commitment).")
            .AllowOnly(CityQuery.Names, CityQuery.ListNames)
            .Produces(StatusCodes.Status200OK, contentType: GeoJson.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem();

        group.MapGet("/{slug}", GetCity)
            .WithName(nameof(GetCity))
            .WithSummary("One city as a GeoJSON Feature with its commitments, networks and news")
            .WithDescription("commitments: newest first, undated last, each with its anchor on the city page. standing: where the city stands on each type it has an item of (legend order), as status, since (year a live commitment stands since), year (of a revocation or rejection) and text (a phrase in German and English). nextSteps: the commitment types the city has not made (a revoked or rejected one counts as not made), each with how many cities have made it and the three nearest of them.")
            .AllowOnly()
            .Produces(StatusCodes.Status200OK, contentType: GeoJson.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    public static async Task<Results<RepresentationResult, ValidationProblem>> ListCities(
        [AsParameters] CityQuery query, MovingCitiesDb db, CityLayer layer, CancellationToken cancellationToken)
    {
        if (query.IsEmpty)
            return (await layer.GetAsync(cancellationToken)).ToResult();

        // The catalogue and the cities come from what the layer prepared for this data version: a filter that
        // only selects (types, status, years, countries, regions) and its revalidation need no query at all.
        var prepared = await layer.CitiesAsync(cancellationToken);
        var (filter, errors) = query.Parse(prepared.TypeOrder.Keys.ToHashSet());
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Invalid city filter");

        var narrowed = await NarrowedAsync(filter, db, cancellationToken);
        var selection = filter.Selection;
        bool Keeps(PreparedCity city) =>
            (narrowed is null || narrowed.Contains(city.Summary.Slug)) && selection.Matches(city.Summary.Country, city.Summary.Region, city.Facts);

        if (filter.Near is not null)
        {
            var nearest = NearestCities.Of(prepared.Cities, prepared.Positions, filter.Near, Keeps);
            return CityFeatures.Layer(nearest.Select(n => (n.City, (double?)n.Km)), prepared.TypeOrder).ToResult();
        }
        return CityFeatures.Layer(prepared.Cities.Where(Keeps).Select(c => c.Summary), prepared.TypeOrder).ToResult();
    }

    /// <summary>
    /// The slugs a place box or a name keeps, from the same indexed query as always; null when neither is given.
    /// </summary>
    static async Task<HashSet<string>?> NarrowedAsync(CityFilter filter, MovingCitiesDb db, CancellationToken cancellationToken) =>
        filter.SelectionOnly
            ? null
            : (await filter.Apply(db).AsNoTracking().Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    public static async Task<Results<RepresentationResult, ProblemHttpResult>> GetCity(
        string slug, MovingCitiesDb db, NextSteps nextSteps, CancellationToken cancellationToken)
    {
        var city = await CityDetails.FindAsync(db, slug, cancellationToken);
        if (city is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "City not found",
                detail: $"There is no city with the slug '{slug}'. GET /api/cities lists them all.");

        var properties = new AttributesTable
        {
            { "id", city.Slug },
            { "name", city.Name },
            { "kind", city.Kind.Key() },
            { "country", city.Country },
            { "region", city.Region },
            { "description", city.Description },
            { "profileUrl", city.ProfileUrl },
            { "identifiers", new { ags = city.Ags, wikidata = city.WikidataId } },
            { "standing", city.Standings.Select(s => new { s.Type, s.Status, s.Since, s.Year, Text = CommitmentTimeline.Phrases(s) }) },
            { "commitments", city.Commitments },
            { "networks", city.Networks },
            { "news", city.News },
            { "nextSteps", await nextSteps.ForAsync(city, cancellationToken) },
        };
        var feature = new Feature(Spatial.CreatePoint(city.Longitude, city.Latitude), properties);
        return new Representation(JsonSerializer.SerializeToUtf8Bytes<IFeature>(feature, GeoJson.Compact), GeoJson.MediaType).ToResult();
    }
}

/// <summary>A commitment as the city detail shows it, with its type's titles and colour.</summary>
public sealed record CommitmentView(
    string Type, Commitments.LocalizedText Title, string Color, Commitments.CommitmentStatus Status, string? Date, Commitments.LocalizedText? Summary,
    string SourceUrl, DateOnly? LastVerified)
{
    /// <summary>Its id on the city page (<see cref="CommitmentTimeline"/>): <c>/de/cities/konstanz#commitment-sea-rescue-support-2020</c>.</summary>
    public string Anchor { get; init; } = "";
}

/// <summary>A network the city belongs to, with where the membership was read.</summary>
public sealed record NetworkReference(string Slug, string Name, string? Url, string? Date, string? Summary, string? SourceUrl);

public sealed record NewsReference(string Slug, string Title, DateOnly PublishedAt, string Url, string Language);
