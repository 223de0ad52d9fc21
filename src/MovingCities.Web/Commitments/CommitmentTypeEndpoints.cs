using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Data;
using MovingCities.Web.Geodata;
using MovingCities.Web.Http;

namespace MovingCities.Web.Commitments;

public static class CommitmentTypeEndpoints
{
    public static IEndpointRouteBuilder MapCommitmentTypes(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/commitment-types").WithTags("Commitment types")
            .MapGet("/", ListCommitmentTypes)
            .WithName(nameof(ListCommitmentTypes))
            .WithSummary("The catalogue of commitment types with titles, descriptions, colours and city counts")
            .AllowOnly()
            .Produces<List<CommitmentTypeView>>(contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified);
        return routes;
    }

    public static async Task<RepresentationResult> ListCommitmentTypes(MovingCitiesDb db, CancellationToken cancellationToken)
    {
        var types = await db.CommitmentTypes.AsNoTracking().OrderBy(t => t.SortOrder).Select(t => new CommitmentTypeView(
            t.Key, new LocalizedText(t.TitleDe, t.TitleEn), new LocalizedText(t.DescriptionDe, t.DescriptionEn), t.Color, t.Family,
            db.Cities.Count(c => c.Commitments.Any(m => m.TypeKey == t.Key))))
            .ToListAsync(cancellationToken);
        return Representation.Json(types).ToResult();
    }
}

/// <param name="CityCount">Cities with at least one commitment of this type.</param>
/// <param name="Family">The colour family the type belongs to (its colour is the family's).</param>
public sealed record CommitmentTypeView(string Key, LocalizedText Title, LocalizedText Description, string Color, string Family, int CityCount);
