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
            var (title, errors) = Problems(context.HttpContext.Request.Query, allowed, lists);
            return errors is null ? await next(context) : TypedResults.ValidationProblem(errors, title: title);
        });
        return builder;
    }

    /// <summary>
    /// What is wrong with a query string by the rule above: unknown parameters first, then repeats of one-value
    /// parameters; null errors when nothing is. Endpoints that answer in another error format (OGC API) use it directly.
    /// </summary>
    public static (string Title, Dictionary<string, string[]>? Errors) Problems(IQueryCollection query, string[] allowed, string[] lists)
    {
        var unknown = query.Keys.Where(key => !allowed.Contains(key, StringComparer.OrdinalIgnoreCase)).ToArray();
        var known = allowed.Length == 0 ? "none" : string.Join(", ", allowed);
        if (unknown.Length > 0)
            return ("Unknown query parameter",
                unknown.ToDictionary(key => key, key => new[] { $"Unknown query parameter '{key}'. Known parameters: {known}." }));
        var repeated = query.Where(p => p.Value.Count > 1 && !lists.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).Select(p => p.Key).ToArray();
        if (repeated.Length > 0)
            return ("Query parameter given more than once",
                repeated.ToDictionary(key => key, key => new[] { $"'{key}' takes one value and is given more than once. Give it once." }));
        return ("", null);
    }

    /// <summary>Comma-separated values, trimmed, empty entries dropped.</summary>
    public static string[] SplitList(string? value) =>
        value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>The query parameters an endpoint reads, as endpoint metadata: documentation and tests enumerate them.</summary>
public sealed record AllowedQueryParameters(IReadOnlyList<string> Names);
