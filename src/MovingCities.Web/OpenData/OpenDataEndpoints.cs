using Microsoft.AspNetCore.Http.HttpResults;
using MovingCities.Web.Http;

namespace MovingCities.Web.OpenData;

/// <summary>Open data for GIS users: OGC API – Features at <c>/ogc</c> and the files of the downloads page at <c>/downloads/…</c>.</summary>
public static class OpenDataEndpoints
{
    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddSingleton<OpenDataSets>();
        services.AddSingleton<DownloadFiles>();
        // The OGC endpoints get their own OpenAPI 3.0 document (the standard's oas30 class); /openapi/v1.json keeps /api.
        services.AddOpenApi(OgcEndpoints.OpenApiDocument, options =>
        {
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
            options.ShouldInclude = description => description.GroupName == OgcEndpoints.OpenApiDocument;
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes)
    {
        OgcEndpoints.MapOgc(routes);
        routes.MapGet("/downloads/{file}", Download).WithName(nameof(Download)).AllowOnly().ExcludeFromDescription();
        return routes;
    }

    public static async Task<Results<RepresentationResult, ProblemHttpResult>> Download(
        string file, HttpContext context, DownloadFiles downloads, CancellationToken cancellationToken)
    {
        var files = await downloads.GetAsync(cancellationToken);
        if (files.Find(file) is not { } download)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such download",
                detail: $"There is no file '{file}'. The files are: {string.Join(", ", files.Files.Select(f => f.Name))}.");
        if (!file.EndsWith(".json", StringComparison.Ordinal))
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{download.Name}\"";
        return download.Representation.ToResult();
    }
}
