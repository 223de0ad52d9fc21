using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using QRCoder;

namespace MovingCities.Web.Print;

/// <summary>A QR code of an address, as inline SVG (QRCoder) that names itself: <c>role="img"</c>, a label and a <c>&lt;title&gt;</c>.</summary>
public static class QrCode
{
    /// <param name="title">What the code is, for screen readers and as a tooltip; encoded here.</param>
    public static IHtmlContent Svg(string address, string title)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        // One unit per module with the quiet zone, scaled by CSS: crisp at any print size.
        var svg = new SvgQRCode(data).GetGraphic(1, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
        var open = svg.IndexOf('>');
        var label = HtmlEncoder.Default.Encode(title);
        return new HtmlString(string.Concat(
            svg.AsSpan(0, open), $" class=\"qr-code\" role=\"img\" aria-label=\"{label}\">",
            $"<title>{label}</title>", svg.AsSpan(open + 1)));
    }
}
