using MovingCities.Web.Http;

namespace MovingCities.Web.Statistics;

public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/statistics").WithTags("Statistics")
            .MapGet("/", GetStatistics)
            .WithName(nameof(GetStatistics))
            .WithSummary("Counts of the whole map: commitments per type and status, per country, per year; networks; the last change")
            .WithDescription("Revoked and rejected items are never counted as commitments made: commitments, cities, byType.total, byCountry and byYear count live ones (announced, decided, implemented); byType.byStatus counts every item, revoked and rejected included. byYear goes by the year of each commitment's date, every year from the first to the last (zeros included); undated ones are counted apart in undated. cities and byCountry.cities count cities and towns with a live commitment, districts and byCountry.districts the districts (Landkreise, Kreise, Bezirke: kind district in the layer) apart. networks: member counts. lastChange: the day public data last changed (the newest recorded edit of a city, commitment or published post, or the newest post).")
            .AllowOnly()
            .Produces<StatisticsView>(contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified);
        return routes;
    }

    public static async Task<RepresentationResult> GetStatistics(SiteStatistics statistics, CancellationToken cancellationToken) =>
        (await statistics.GetAsync(cancellationToken)).Representation.ToResult();
}
