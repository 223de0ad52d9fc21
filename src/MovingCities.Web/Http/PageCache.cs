using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using MovingCities.Web.Data;

namespace MovingCities.Web.Http;

/// <summary>
/// The public pages kept rendered and compressed, so a crowd reading the same city costs a memory copy instead of
/// Razor, queries and Brotli per request. Which pages, for whom, keyed by what and sent how: all of it is here.
/// </summary>
/// <remarks>
/// <para>
/// Cached: the pages everyone sees alike (<see cref="Pages"/>) for GET and HEAD by someone not signed in (no editor
/// cookie, no Authorization header), answered 200 without setting a cookie. Keyed by method, scheme, host, exact
/// path, the whole query, the page's language, the data version (a saved change makes new entries, old ones are
/// never served again and age out) and the content coding (<see cref="Coding"/>).
/// </para>
/// <para>
/// Entries hold the bytes as sent: Brotli (quality 11), gzip or plain, compressed here once when the page is
/// rendered, with a strong ETag that hashes those bytes (the same on every instance and after a restart, another
/// one per coding). Browsers and a CDN may store them and must revalidate (<c>public, no-cache</c>); the output
/// cache answers <c>If-None-Match</c> with 304 without running the page. Pages that are not stored are compressed
/// by the response-compression middleware as before.
/// </para>
/// </remarks>
public static class PageCache
{
    public const string PolicyName = "public-page";

    /// <summary>The Razor pages that look the same to every reader: map, embed, cities, news, about, statistics, open data.</summary>
    public static readonly string[] Pages =
        ["/Map", "/Embed", "/EmbedBuilder", "/Cities/City", "/News/Index", "/News/Post", "/About", "/Statistics/Index", "/Downloads"];

    public const string CacheControl = RepresentationResult.CacheControl;

    /// <summary>
    /// Brotli's smallest size costs about 35 ms for a 32 KB city page and makes it 29 % smaller than the quality the
    /// middleware uses per request (docs/benchmarks.md); a page is compressed once per data version, so it pays.
    /// </summary>
    const int BrotliQuality = 11;

    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // /de/cities/Konstanz is not /de/cities/konstanz: the page decides what a differently cased address is.
            options.UseCaseSensitivePaths = true;
            // Entries of an old data version are never asked for again; this only bounds how long they hold memory.
            options.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
        });
        services.AddOptions<OutputCacheOptions>().Configure<DataVersion>((options, dataVersion) =>
            options.AddPolicy(PolicyName, new PublicPagePolicy(dataVersion)));
        services.Configure<RazorPagesOptions>(options =>
        {
            foreach (var page in Pages)
                options.Conventions.AddPageApplicationModelConvention(page, model =>
                    model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = PolicyName }));
        });
        return services;
    }

    /// <summary>
    /// The cache and, inside it, the step that compresses and tags what it stores. Must come after authentication
    /// (it asks who is signed in) and before response compression (it stores compressed bytes).
    /// </summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) =>
        app.UseOutputCache().Use(CompressAndTag);

    /// <summary>Whether this request's page will be stored: then it is compressed here, not by the middleware.</summary>
    public static bool Stores(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true };

    /// <summary>
    /// The content coding the response-compression middleware (Brotli and gzip providers, in that order) would choose
    /// for this Accept-Encoding: the highest q-value wins, Brotli before gzip when equal, <c>*</c> stands for any
    /// coding with its q-value, q=0 refuses, and <c>identity</c> takes part with the lowest priority. Returns
    /// <c>br</c>, <c>gzip</c> or <c>identity</c>.
    /// </summary>
    public static string Coding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding)
            || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var offers) || offers.Count == 0)
            return "identity";
        // The middleware keeps the first mention of a coding and stops at "*".
        double? brotli = null, gzip = null, identity = null;
        foreach (var offer in offers)
        {
            var quality = offer.Quality ?? 1;
            if (quality < double.Epsilon)
                continue;
            var name = offer.Value;
            if (StringSegment.Equals(name, "*", StringComparison.Ordinal))
            {
                brotli ??= quality;
                gzip ??= quality;
                break;
            }
            if (StringSegment.Equals(name, "br", StringComparison.OrdinalIgnoreCase))
                brotli ??= quality;
            else if (StringSegment.Equals(name, "gzip", StringComparison.OrdinalIgnoreCase))
                gzip ??= quality;
            else if (StringSegment.Equals(name, "identity", StringComparison.OrdinalIgnoreCase))
                identity ??= quality;
        }
        // Highest q-value first; on a tie the provider registered first (Brotli), identity last.
        var best = "identity";
        var bestQuality = 0.0;
        foreach (var (name, quality) in new[] { ("identity", identity), ("gzip", gzip), ("br", brotli) })
            if (quality is { } q && q >= bestQuality)
                (best, bestQuality) = (name, q);
        return best;
    }

    /// <summary>
    /// Renders the page into memory, then decides: a 200 without a cookie is compressed for the request's coding,
    /// tagged with the hash of those bytes and handed to the cache; anything else is not stored.
    /// </summary>
    static async Task CompressAndTag(HttpContext context, RequestDelegate next)
    {
        if (!Stores(context))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var original = response.Body;
        using var rendered = new MemoryStream();
        response.Body = rendered;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        var cache = context.Features.Get<IOutputCacheFeature>()!.Context;
        // A cookie set by the page (antiforgery, sign-in) belongs to one visitor; the language cookie is added when
        // the response starts, after the cache has taken its copy of the headers, so it never counts here.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
            cache.AllowCacheStorage = false;

        var body = rendered.GetBuffer().AsMemory(0, (int)rendered.Length);
        if (cache.AllowCacheStorage && !response.Headers.ContainsKey(HeaderNames.ContentEncoding))
        {
            var coding = Coding(context.Request.Headers.AcceptEncoding);
            if (coding != "identity")
            {
                body = Compress(body.Span, coding);
                response.Headers.ContentEncoding = coding;
            }
            response.Headers.ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body.Span).AsSpan(0, 16))}\"";
            response.Headers.CacheControl = CacheControl;
            response.Headers.Vary = HeaderNames.AcceptEncoding;
            response.ContentLength = body.Length;
        }
        // Nothing written leaves an empty error response to the status-code pages, as without the cache.
        if (body.Length > 0)
            await original.WriteAsync(body, context.RequestAborted);
    }

    static byte[] Compress(ReadOnlySpan<byte> body, string coding)
    {
        using var output = new MemoryStream(body.Length / 3);
        using (Stream compressor = coding == "br"
            ? new BrotliStream(output, new BrotliCompressionOptions { Quality = BrotliQuality }, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            compressor.Write(body);
        return output.ToArray();
    }

    /// <summary>Who may be served from and stored in the cache, and what the entries are keyed by.</summary>
    sealed class PublicPagePolicy(DataVersion dataVersion) : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var request = context.HttpContext.Request;
            var anonymous = StringValues.IsNullOrEmpty(request.Headers.Authorization)
                && context.HttpContext.User.Identity?.IsAuthenticated != true
                // An expired or foreign editor cookie still marks someone who may see a personal page after signing in.
                && !request.Cookies.ContainsKey(Editors.EditorSecurity.CookieName);
            var cacheable = anonymous && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
            context.EnableOutputCaching = cacheable;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // Many readers of a page that is not stored yet wait for one rendering.
            context.AllowLocking = true;
            if (!cacheable)
                return ValueTask.CompletedTask;

            var rules = context.CacheVaryByRules;
            rules.QueryKeys = "*";
            rules.VaryByValues["data"] = dataVersion.Current.ToString(CultureInfo.InvariantCulture);
            rules.VaryByValues["lang"] = CultureInfo.CurrentUICulture.Name;
            rules.VaryByValues["coding"] = Coding(request.Headers.AcceptEncoding);
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        // What the response allows is decided in CompressAndTag, before the cache copies the headers.
        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
