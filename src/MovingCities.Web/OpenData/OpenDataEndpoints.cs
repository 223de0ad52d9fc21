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
            // The handlers read the query themselves (to answer with the standard's exception), so the document
            // learns the parameters from the endpoints' declared list, with the standard's types and limits.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var names = context.Description.ActionDescriptor.EndpointMetadata.OfType<AllowedQueryParameters>().LastOrDefault()?.Names ?? [];
                operation.Parameters ??= [];
                foreach (var name in names)
                    operation.Parameters.Add(OgcQuery.OpenApiParameter(name));
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder routes)
    {
        OgcEndpoints.MapOgc(routes);
        routes.MapGet("/downloads/{file}", Download).WithName(nameof(Download)).AllowOnly().ExcludeFromDescription();
        return routes;
    }

    /// <summary>A download; a name that is none gets the site's 404 page (people follow these links), which lists the way back.</summary>
    public static async Task<Results<RepresentationResult, NotFound>> Download(
        string file, HttpContext context, DownloadFiles downloads, CancellationToken cancellationToken)
    {
        var files = await downloads.GetAsync(cancellationToken);
        if (files.Find(file) is not { } download)
            return TypedResults.NotFound();
        if (!file.EndsWith(".json", StringComparison.Ordinal))
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{download.Name}\"";
        return download.Representation.ToResult();
    }
}
