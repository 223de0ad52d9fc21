using System.Text.RegularExpressions;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace MovingCities.Tests.Print;

/// <summary>Reads a QR code as QRCoder draws it in SVG (one unit per module, runs of modules as <c>M x y h w v1 h-w z</c>) with ZXing, as a phone would.</summary>
public static partial class QrDecoding
{
    const int Scale = 4;

    public static string? Decode(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value);
        var pixels = Enumerable.Repeat((byte)255, size * Scale * size * Scale).ToArray();
        var runs = Runs().Matches(svg);
        Assert.NotEmpty(runs);
        foreach (Match run in runs)
        {
            int x = int.Parse(run.Groups[1].Value), y = int.Parse(run.Groups[2].Value), width = int.Parse(run.Groups[3].Value);
            for (var row = y * Scale; row < (y + 1) * Scale; row++)
                Array.Fill(pixels, (byte)0, row * size * Scale + x * Scale, width * Scale);
        }
        var source = new RGBLuminanceSource(pixels, size * Scale, size * Scale, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\1\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\d+z")]
    private static partial Regex Runs();
}
