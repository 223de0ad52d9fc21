using Microsoft.Extensions.Options;
using MovingCities.Web.Basemap;

namespace MovingCities.Web.Http;

/// <summary>
/// The Content-Security-Policy and companion headers on every response. Scripts only from this origin (no
/// inline scripts anywhere, so an injected <c>&lt;script&gt;</c> cannot run); images also from the configured
/// tile server. Only the embed (<c>/{lang}/embed</c>) may be framed by other sites, which is what it is for; every
/// other page only by this site, so no one can lay the sign-in or editor pages under a decoy (clickjacking).
/// </summary>
public static class SecurityHeaders
{
    public static string ContentSecurityPolicy(BasemapOptions basemap, bool framable = false) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        $"img-src 'self' data:{(basemap.TileOrigin() is { } tiles ? " " + tiles : "")}",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        framable ? "frame-ancestors *" : "frame-ancestors 'self'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var basemap = app.ApplicationServices.GetRequiredService<IOptions<BasemapOptions>>().Value;
        var policy = ContentSecurityPolicy(basemap);
        var framablePolicy = ContentSecurityPolicy(basemap, framable: true);
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            var framable = Localization.Addresses.IsEmbed(context.Request.Path);
            headers.ContentSecurityPolicy = framable ? framablePolicy : policy;
            // For browsers that predate frame-ancestors.
            if (!framable)
                headers.XFrameOptions = "SAMEORIGIN";
            headers.XContentTypeOptions = "nosniff";
            // Tile servers (OpenStreetMap's policy) ask for the referring origin; nothing more leaves the site.
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
    }
}
