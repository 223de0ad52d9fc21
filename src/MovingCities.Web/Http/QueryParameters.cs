namespace MovingCities.Web.Http;

/// <summary>
/// Refuses query parameters an endpoint does not know, so a typo (<c>?contry=DE</c>) is a clear 400
/// instead of a silently unfiltered answer. One rule for repeats: a list parameter takes them as more items
/// (<c>commitment=a&amp;commitment=b</c> is <c>commitment=a,b</c>); a parameter of one value refuses them
/// (<c>?q=a&amp;q=b</c> would otherwise be searched as "a,b" and match nothing).
/// </summary>
public static class QueryParameters
{
    public static TBuilder AllowOnly<TBuilder>(this TBuilder builder, params string[] allowed) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowOnly(allowed, lists: []);

    /// <param name="lists">The allowed parameters that take comma-separated lists, and so repeats.</param>
    public static TBuilder AllowOnly<TBuilder>(this TBuilder builder, string[] allowed, string[] lists) where TBuilder : IEndpointConventionBuilder
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
            var repeated = context.HttpContext.Request.Query
                .Where(p => p.Value.Count > 1 && !lists.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).Select(p => p.Key).ToArray();
            if (repeated.Length > 0)
                return TypedResults.ValidationProblem(
                    repeated.ToDictionary(key => key, key => new[] { $"'{key}' takes one value and is given more than once. Give it once." }),
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
