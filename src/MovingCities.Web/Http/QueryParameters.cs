namespace MovingCities.Web.Http;

/// <summary>
/// Refuses query parameters an endpoint does not know, so a typo (<c>?contry=DE</c>) is a clear 400
/// instead of a silently unfiltered answer.
/// </summary>
public static class QueryParameters
{
    public static TBuilder AllowOnly<TBuilder>(this TBuilder builder, params string[] allowed) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var unknown = context.HttpContext.Request.Query.Keys
                .Where(key => !allowed.Contains(key, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            if (unknown.Length == 0)
                return await next(context);
            var known = allowed.Length == 0 ? "none" : string.Join(", ", allowed);
            return TypedResults.ValidationProblem(
                unknown.ToDictionary(key => key, key => new[] { $"Unknown query parameter '{key}'. Known parameters: {known}." }),
                title: "Unknown query parameter");
        });
        return builder;
    }

    /// <summary>Comma-separated values, trimmed, empty entries dropped.</summary>
    public static string[] SplitList(string? value) =>
        value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}
