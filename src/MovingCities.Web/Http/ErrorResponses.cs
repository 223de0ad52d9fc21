using Microsoft.AspNetCore.Diagnostics;

namespace MovingCities.Web.Http;

/// <summary>
/// How the app answers what it cannot process, the same in every environment: the API with problem details that
/// say what is wrong, pages with the site's error page (status-code pages re-execute <c>/error/{code}</c>).
/// </summary>
public static class ErrorResponses
{
    /// <summary>Longest path and query the app reads. Longer addresses get 414 with an explanation.</summary>
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>
    /// Kestrel's own cap on the request line, above <see cref="MaxUrlLength"/>: up to it the app explains the 414
    /// itself; beyond it Kestrel answers before the app runs, with no body (that answer cannot be customised).
    /// </summary>
    public const int KestrelRequestLineLimit = 64 * 1024;

    /// <summary>Addresses for programs: the JSON API and the OGC API (whose pages for people it renders itself).</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/ogc");

    public static IServiceCollection AddErrorResponses(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Malformed bodies and unbindable parameters throw in every environment (by default only in Development),
        // so one handler turns them into the same clear 400 everywhere.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestLineSize = KestrelRequestLineLimit);
        return services;
    }

    /// <summary>
    /// Status-code pages outside the exception handler, so a page request that failed (400 for a malformed request,
    /// 500 for a bug) is answered with the HTML error page, not a JSON body a person cannot read.
    /// </summary>
    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseExceptionHandler();
        app.Use(RefuseLongUrls);
        return app;
    }

    static Task RefuseLongUrls(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var length = request.PathBase.Value?.Length + request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (length <= MaxUrlLength)
            return next(context);
        context.Response.StatusCode = StatusCodes.Status414UriTooLong;
        if (!IsApi(context))
            return Task.CompletedTask; // the error page explains
        return Results.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "Address too long",
            detail: $"The address is {length:N0} characters long; at most {MaxUrlLength:N0} are read. Shorten the query (for example fewer filters or a shorter search text).")
            .ExecuteAsync(context);
    }
}

/// <summary>
/// A request the framework could not read (malformed JSON, JSON nested too deeply, text that is not valid
/// UTF-16, a body over the size limit): the status it carries (400, 413) with what went wrong, not a 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        context.Response.StatusCode = bad.StatusCode;
        if (!ErrorResponses.IsApi(context))
            return true; // status-code pages render the error page
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
                Detail = Describe(bad),
            },
        });
    }

    /// <summary>The framework's own message names the parameter; the reader's adds where in the body it broke.</summary>
    static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        System.Text.Json.JsonException json => $"{bad.Message} {json.Message}",
        InvalidOperationException invalid => $"{bad.Message} {invalid.Message}",
        _ => bad.Message,
    };
}
