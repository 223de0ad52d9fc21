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

    public static async Task<RepresentationResult> ListCommitmentTypes(CommitmentCatalogue catalogue, CancellationToken cancellationToken) =>
        (await catalogue.GetAsync(cancellationToken)).ToResult();
}

/// <param name="CityCount">Cities with at least one commitment of this type.</param>
/// <param name="Family">The colour family the type belongs to (its colour is the family's).</param>
public sealed record CommitmentTypeView(string Key, LocalizedText Title, LocalizedText Description, string Color, string Family, int CityCount);
