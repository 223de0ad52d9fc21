using Microsoft.AspNetCore.StaticFiles;

namespace MovingCities.Web.Http;

/// <summary>
/// How long browsers keep the files of wwwroot/. An address with the file's hash (<c>asp-append-version</c>:
/// <c>?v=…</c>) names that content for good, so it is kept a year without asking again. Every other address can
/// change its content with a release (the map's ES modules import each other by plain address), so browsers keep
/// it but ask each time; the ETag makes that a 304 without a body. Never a guessed lifetime that could mix an old
/// module with a new one.
/// </summary>
public static class StaticFileCaching
{
    public const string Versioned = "public, max-age=31536000, immutable";
    public const string Revalidate = "public, no-cache";

    public static IApplicationBuilder UseCachedStaticFiles(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        OnPrepareResponse = context =>
        {
            var request = context.Context.Request;
            context.Context.Response.Headers.CacheControl = request.Query.ContainsKey("v") ? Versioned : Revalidate;
        },
    });
}
