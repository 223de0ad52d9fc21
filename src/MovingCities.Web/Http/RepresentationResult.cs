using Microsoft.Net.Http.Headers;

namespace MovingCities.Web.Http;

/// <summary>
/// Writes a <see cref="Representation"/>: content negotiation on Accept-Encoding, a strong ETag per encoding,
/// 304 on a matching If-None-Match, and a Cache-Control that makes browsers revalidate instead of guessing.
/// </summary>
/// <param name="vary">Another request header the answer depends on (<c>Accept</c> where JSON and HTML share an address).</param>
public sealed class RepresentationResult(Representation representation, string? vary = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string CacheControl = "public, no-cache";

    public int? StatusCode => StatusCodes.Status200OK;
    public string ContentType => representation.ContentType;

    public Task ExecuteAsync(HttpContext context)
    {
        var (encoding, bytes) = ChooseEncoding(context.Request);
        var response = context.Response;
        // A strong ETag names one exact byte sequence, so each content coding gets its own suffix.
        var etag = encoding is null ? $"\"{representation.ETagValue}\"" : $"\"{representation.ETagValue}-{encoding}\"";
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        response.Headers.Vary = vary is null ? HeaderNames.AcceptEncoding : new Microsoft.Extensions.Primitives.StringValues([HeaderNames.AcceptEncoding, vary]);

        if (Matches(context.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = representation.ContentType;
        if (encoding is not null)
            response.Headers.ContentEncoding = encoding;
        response.ContentLength = bytes.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    (string? Encoding, byte[] Bytes) ChooseEncoding(HttpRequest request)
    {
        if (!representation.Compressible)
            return (null, representation.Body);
        var accepted = request.GetTypedHeaders().AcceptEncoding;
        bool Accepts(string coding) => accepted.Any(a =>
            string.Equals(a.Value.Value, coding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
        if (Accepts("br"))
            return ("br", representation.Brotli);
        if (Accepts("gzip"))
            return ("gzip", representation.Gzip);
        return (null, representation.Body);
    }

    /// <summary>If-None-Match uses weak comparison (RFC 9110 §13.1.2): any encoding of the same data matches.</summary>
    bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch)
    {
        if (ifNoneMatch.Count == 0)
            return false;
        foreach (var tag in EntityTagHeaderValue.ParseList(ifNoneMatch.ToArray()!))
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
                return true;
            var opaque = tag.Tag.Value?.Trim('"') ?? "";
            var dash = opaque.IndexOf('-');
            if ((dash < 0 ? opaque : opaque[..dash]) == representation.ETagValue)
                return true;
        }
        return false;
    }
}
