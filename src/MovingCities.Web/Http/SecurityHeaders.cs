using Microsoft.Extensions.Options;
using MovingCities.Web.Basemap;

namespace MovingCities.Web.Http;

/// <summary>
/// The Content-Security-Policy and companion headers on every response. Scripts only from this origin (no
/// inline scripts anywhere, so an injected <c>&lt;script&gt;</c> cannot run); images also from the configured
/// tile server. Framing stays allowed: campaigners embed the map in their own sites.
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(BasemapOptions basemap) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        $"img-src 'self' data:{(basemap.TileOrigin() is { } tiles ? " " + tiles : "")}",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<BasemapOptions>>().Value);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            // Tile servers (OpenStreetMap's policy) ask for the referring origin; nothing more leaves the site.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
    }
}
