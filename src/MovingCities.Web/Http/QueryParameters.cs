namespace MovingCities.Web.Http;

/// <summary>
/// Refuses query parameters an endpoint does not know, so a typo (<c>?contry=DE</c>) is a clear 400
/// instead of a silently unfiltered answer; and a parameter given twice (<c>?q=a&amp;q=b</c>), which would
/// otherwise be joined with a comma and match nothing. Lists are written with commas: <c>commitment=a,b</c>.
/// </summary>
public static class QueryParameters
{
    public static TBuilder AllowOnly<TBuilder>(this TBuilder builder, params string[] allowed) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new AllowedQueryParameters(allowed));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var unknown = context.HttpContext.Request.Query.Keys
                .Where(key => !allowed.Contains(key, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            var known = allowed.Length == 0 ? "none" : string.Join(", ", allowed);
            if (unknown.Length > 0)
                return TypedResults.ValidationProblem(
                    unknown.ToDictionary(key => key, key => new[] { $"Unknown query parameter '{key}'. Known parameters: {known}." }),
                    title: "Unknown query parameter");
            var repeated = context.HttpContext.Request.Query.Where(p => p.Value.Count > 1).Select(p => p.Key).ToArray();
            if (repeated.Length > 0)
                return TypedResults.ValidationProblem(
                    repeated.ToDictionary(key => key, key => new[] { $"'{key}' is given more than once. Give it once; several values go in one parameter, separated by commas (e.g. commitment=a,b)." }),
                    title: "Query parameter given more than once");
            return await next(context);
        });
        return builder;
    }

    /// <summary>Comma-separated values, trimmed, empty entries dropped.</summary>
    public static string[] SplitList(string? value) =>
        value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>The query parameters an endpoint reads, as endpoint metadata: documentation and tests enumerate them.</summary>
public sealed record AllowedQueryParameters(IReadOnlyList<string> Names);
