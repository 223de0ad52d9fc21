using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MovingCities.Tests.Infrastructure;
using MovingCities.Web.Http;

namespace MovingCities.Tests.Robustness;

/// <summary>
/// Every naughty string through every way in: each query parameter and route value of every public endpoint
/// (enumerated from the app's endpoint data source, so a new endpoint is covered without touching this file),
/// every field of every editor form, and the tag-suggestion API. Never a 5xx; API errors are problem details
/// that say what is wrong; pages refuse with a message and keep what was typed.
/// </summary>
public class NaughtyStringTests
{
    /// <summary>A route to send values through: its pattern, and the query parameters it reads.</summary>
    public sealed record Way(string Pattern, string[] RouteValues, string[] QueryParameters)
    {
        public string Url(string? routeValue = null, string? inParameter = null, string? value = null)
        {
            var path = "/" + Pattern.TrimStart('/');
            foreach (var name in RouteValues)
            {
                var text = name == routeValue ? NaughtyStrings.Encode(value!) : SampleFor(name);
                path = System.Text.RegularExpressions.Regex.Replace(path, $@"\{{{name}(:[^}}]*)?\??\}}", text);
            }
            return inParameter is null ? path : $"{path}?{inParameter}={NaughtyStrings.Encode(value!)}";
        }

        static string SampleFor(string routeValue) => routeValue switch { "slug" => "konstanz", "lang" => "en", _ => "1" };
    }

    static bool IsEditorOrAccount(string path) =>
        path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/api/editor", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/account", StringComparison.OrdinalIgnoreCase);

    /// <summary>GET endpoints (public ones, or the editors' pages) with their route values and query parameters.</summary>
    public static List<Way> Ways(IServiceProvider services, bool editors = false)
    {
        var ways = new List<Way>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var path = "/" + pattern.TrimStart('/');
            var wanted = editors ? path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase) : !IsEditorOrAccount(path);
            if (!wanted || (methods is not null && !methods.Contains("GET")))
                continue;
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToArray();
            var query = endpoint.Metadata.GetMetadata<AllowedQueryParameters>()?.Names.ToArray()
                ?? PageQueryParameters(endpoint)
                ?? [];
            ways.Add(new Way(pattern.TrimStart('/'), routeValues, query));
        }
        return ways.DistinctBy(w => w.Pattern).ToList();
    }

    /// <summary>A Razor page's query parameters: its GET-bound properties and its OnGet parameters.</summary>
    static string[]? PageQueryParameters(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not { } page)
            return null;
        var typeName = "MovingCities.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model";
        var model = typeof(Program).Assembly.GetType(typeName);
        if (model is null)
            return [];
        var properties = model.GetProperties()
            .Select(p => (p, bind: p.GetCustomAttribute<BindPropertyAttribute>()))
            .Where(x => x.bind?.SupportsGet == true)
            .Select(x => x.bind!.Name ?? x.p.Name);
        var parameters = model.GetMethods().Where(m => m.Name is "OnGet" or "OnGetAsync")
            .SelectMany(m => m.GetParameters())
            .Where(p => p.ParameterType != typeof(CancellationToken) && !endpoint.RoutePattern.Parameters.Any(r => r.Name == p.Name))
            .Select(p => p.Name!);
        return properties.Concat(parameters).Distinct().ToArray();
    }

    static async Task<string?> Problem(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500)
            return $"{what} → {status}: {body[..Math.Min(300, body.Length)]}";
        if (status < 400)
            return null;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // The framework's OpenAPI endpoint names the unknown document in plain text: clear enough for a machine client.
        if (what.Contains(" /openapi/", StringComparison.Ordinal) && status == 404)
            return mediaType == "text/plain" && body.Contains("OpenAPI document") ? null : $"{what} → {status}: {body}";
        // The OGC API answers programs like /api does (its exception is problem details with code and description).
        if (what.Contains(" /api/", StringComparison.Ordinal) || what.Contains(" /ogc", StringComparison.Ordinal))
        {
            if (mediaType != "application/problem+json")
                return $"{what} → {status} as {mediaType ?? "no body"}, not problem details";
            var problem = JsonDocument.Parse(body).RootElement;
            var says = problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString())
                || problem.TryGetProperty("errors", out _);
            return says ? null : $"{what} → {status} problem without a detail or errors: {body}";
        }
        return mediaType == "text/html" ? null : $"{what} → {status} as {mediaType ?? "no body"}, not a page";
    }

    [Fact]
    public async Task Every_public_route_value_and_query_parameter_takes_every_naughty_string()
    {
        using var app = new TestApp();
        var client = app.CreateClient();
        var ways = Ways(app.Services);
        Assert.Contains(ways, w => w.Pattern.Contains("{slug}") && w.Pattern.StartsWith("api/cities", StringComparison.Ordinal));
        Assert.Contains(ways, w => w.QueryParameters.Contains("q"));
        Assert.Contains(ways, w => w.Pattern == "{lang:lang}/news" && w.QueryParameters.Contains("city"));

        await EveryStringAnswers(client, ways);
    }

    [Fact]
    public async Task Every_editor_page_route_value_and_query_parameter_takes_every_naughty_string()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var ways = Ways(app.Services, editors: true);
        Assert.Contains(ways, w => w.Pattern == "admin/cities" && w.QueryParameters.Contains("Q"));
        Assert.Contains(ways, w => w.Pattern == "admin/cities/new" && w.QueryParameters.Contains("name"));

        await EveryStringAnswers(editor.Client, ways);
    }

    /// <summary>Sends every naughty string through every route value and query parameter of the ways; no failures.</summary>
    static async Task EveryStringAnswers(HttpClient client, List<Way> ways)
    {
        var requests = (
            from way in ways
            from value in NaughtyStrings.All
            // A NUL in the path never reaches the app: Kestrel refuses it with a bare 400 before any middleware runs
            // (not customisable), and the test server refuses to send it. In the query it does reach us.
            from target in way.RouteValues.Where(_ => !value.Contains('\0')).Select(r => (route: (string?)r, query: (string?)null))
                .Concat(way.QueryParameters.Select(q => (route: (string?)null, query: (string?)q)))
            select (url: way.Url(target.route, target.query, value), value)).ToList();

        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, _) =>
        {
            var response = await client.GetAsync(request.url);
            if (await Problem(response, $"GET {request.url[..Math.Min(120, request.url.Length)]} ({NaughtyStrings.Show(request.value)})") is { } failure)
                failures.Add(failure);
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count} requests failed:\n{string.Join("\n", failures.Order().Take(40))}");
    }

    [Fact]
    public async Task The_tag_suggestion_api_reads_every_naughty_string()
    {
        using var app = new TestApp();
        var editor = await Editor.SignIn(app);
        var failures = new List<string>();
        foreach (var value in NaughtyStrings.All)
        {
            var response = await editor.PostJson("/api/editor/tag-suggestions", new { text = value });
            if (await Problem(response, $"POST /api/editor/tag-suggestions ({NaughtyStrings.Show(value)})") is { } failure)
                failures.Add(failure);
            else if (!response.IsSuccessStatusCode)
                failures.Add($"{NaughtyStrings.Show(value)} → {(int)response.StatusCode}: text within the limit must be read");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Order().Take(40)));
    }
}
