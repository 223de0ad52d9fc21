using System.IO.Compression;
using System.Security.Cryptography;

namespace MovingCities.Web.Http;

/// <summary>
/// A response body serialised once, with its strong ETag (a hash of the bytes, so it survives restarts) and
/// its Brotli and gzip encodings, made when first asked for or up front for hot responses.
/// </summary>
public sealed partial class Representation
{
    readonly Lazy<byte[]> _brotli;
    readonly Lazy<byte[]> _gzip;

    /// <param name="compressible">False for bodies that are compressed already (PNG): they are sent as they are.</param>
    public Representation(byte[] body, string contentType, CompressionLevel level = CompressionLevel.Fastest, bool compressible = true)
    {
        Body = body;
        ContentType = contentType;
        Compressible = compressible;
        ETagValue = Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16));
        _brotli = new(() => Compress(body, stream => new BrotliStream(stream, level, leaveOpen: true)));
        _gzip = new(() => Compress(body, stream => new GZipStream(stream, level, leaveOpen: true)));
    }

    public byte[] Body { get; }
    public string ContentType { get; }
    public bool Compressible { get; }

    /// <summary>The entity tag without quotes or encoding suffix.</summary>
    public string ETagValue { get; }

    public byte[] Brotli => _brotli.Value;
    public byte[] Gzip => _gzip.Value;

    /// <summary>Compresses both encodings now, so the first request does not pay for it.</summary>
    public Representation Precompress()
    {
        _ = Brotli;
        _ = Gzip;
        return this;
    }

    static byte[] Compress(byte[] body, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output))
            compressor.Write(body);
        return output.ToArray();
    }
}
