using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace MovingCities.Web.Http;

/// <summary>
/// Refuses request bodies over a limit with 413 before anything reads them, so the status-code page can say
/// why (reading an oversized form failed deep inside antiforgery and ended as an empty 400).
/// </summary>
public static class RequestBodyLimit
{
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        // The re-executed request for the error page carries the same headers; it must get through to render.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            if (context.Request.ContentLength > maxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            // Bodies without a Content-Length (chunked) are cut off by the server at the same size.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
                bodySize.MaxRequestBodySize = maxBytes;
        }
        await next(context);
    });
}
