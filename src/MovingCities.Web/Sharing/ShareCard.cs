using System.Reflection;
using SkiaSharp;

namespace MovingCities.Web.Sharing;

/// <summary>One coloured chip on a card: a commitment (its type's colour, title and status) or a type with its count.</summary>
public sealed record CardChip(string Color, string Text);

/// <summary>What a share card says, already in its language; <see cref="ShareCard"/> only lays it out.</summary>
public sealed record CardContent(string Kicker, string Title, string Subtitle, IReadOnlyList<CardChip> Chips, string? MoreChips,
    string? EmptyChips, string FooterLeft, string FooterRight);

/// <summary>
/// Draws a share card: the 1200×630 PNG that social networks and chat apps show for a shared link (the size
/// Facebook, LinkedIn and X recommend for large previews). The font travels with the app (DejaVu Sans, embedded
/// from <c>Sharing/Fonts</c> with its licence), so the card looks the same on every server and never depends on
/// what fonts a machine happens to have.
/// </summary>
public static class ShareCard
{
    public const int Width = 1200;
    public const int Height = 630;
    public const string ContentType = "image/png";

    const float Margin = 64;
    const float MoreRoom = 230;
    static readonly SKColor Ink = SKColor.Parse("#1b1f23");
    static readonly SKColor Muted = SKColor.Parse("#4a5560");
    static readonly SKColor Accent = SKColor.Parse("#0072b2");
    static readonly SKColor Paper = SKColor.Parse("#fbfaf7");

    static readonly Lazy<SKTypeface> Regular = new(() => LoadFont("DejaVuSans.ttf"));
    static readonly Lazy<SKTypeface> Bold = new(() => LoadFont("DejaVuSans-Bold.ttf"));

    static SKTypeface LoadFont(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"MovingCities.Web.Sharing.Fonts.{file}")
            ?? throw new InvalidOperationException($"The share card's font {file} is not embedded in the app (Sharing/Fonts).");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The share card's font {file} cannot be read.");
    }

    /// <summary>Whether the card's fonts have a glyph for every character of <paramref name="text"/> (no boxes for ä, ß or ł).</summary>
    public static bool CanWrite(string text)
    {
        using var regular = new SKFont(Regular.Value);
        using var bold = new SKFont(Bold.Value);
        return regular.ContainsGlyphs(text) && bold.ContainsGlyphs(text);
    }

    /// <summary>The card as PNG bytes; the same content always gives the same bytes (ETags are hashes of them).</summary>
    public static byte[] Render(CardContent content)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(Paper);
        using var paint = new SKPaint { IsAntialias = true, Color = Accent };

        // A band on the left in the site's blue: the card reads as Moving Cities' at thumbnail size too.
        canvas.DrawRect(0, 0, 16, Height, paint);

        using var kicker = new SKFont(Bold.Value, 30);
        paint.Color = Accent;
        canvas.DrawText(content.Kicker, Margin, Margin + 26, SKTextAlign.Left, kicker, paint);

        var y = Margin + 26 + 24f;
        using var title = FittingFont(Bold.Value, content.Title, 76, 44, Width - 2 * Margin);
        paint.Color = Ink;
        y += title.Size;
        canvas.DrawText(Ellipsize(content.Title, title, Width - 2 * Margin), Margin, y, SKTextAlign.Left, title, paint);

        using var subtitle = new SKFont(Regular.Value, 34);
        paint.Color = Muted;
        y += 20 + subtitle.Size;
        canvas.DrawText(Ellipsize(content.Subtitle, subtitle, Width - 2 * Margin), Margin, y, SKTextAlign.Left, subtitle, paint);

        y += 40;
        DrawChips(canvas, content, y, Height - Margin - 70);

        // Footer: a rule, then the news count on the left and the address on the right.
        paint.Color = SKColor.Parse("#d5d9dd");
        canvas.DrawRect(Margin, Height - Margin - 44, Width - 2 * Margin, 2, paint);
        using var footer = new SKFont(Regular.Value, 28);
        using var footerBold = new SKFont(Bold.Value, 28);
        paint.Color = Muted;
        var left = Ellipsize(content.FooterLeft, footer, Width / 2f - Margin);
        canvas.DrawText(left, Margin, Height - Margin, SKTextAlign.Left, footer, paint);
        paint.Color = Ink;
        var room = Width - 2 * Margin - footer.MeasureText(left) - 40;
        canvas.DrawText(Ellipsize(content.FooterRight, footerBold, room), Width - Margin, Height - Margin, SKTextAlign.Right, footerBold, paint);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Chips flow in rows; what does not fit is summed up as "+3 more" rather than cut off mid-word.</summary>
    static void DrawChips(SKCanvas canvas, CardContent content, float top, float bottom)
    {
        using var font = new SKFont(Regular.Value, 28);
        using var paint = new SKPaint { IsAntialias = true };
        const float height = 52, gap = 14, swatch = 20, padding = 20;
        var maxWidth = Width - 2 * Margin;
        if (content.Chips.Count == 0)
        {
            if (content.EmptyChips is { } empty)
            {
                paint.Color = Muted;
                canvas.DrawText(Ellipsize(empty, font, maxWidth), Margin, top + 36, SKTextAlign.Left, font, paint);
            }
            return;
        }

        float x = Margin, y = top;
        var lastRow = y + 2 * height + gap > bottom;
        var drawn = 0;
        foreach (var chip in content.Chips)
        {
            var text = Ellipsize(chip.Text, font, maxWidth - 2 * padding - swatch - 14);
            var width = padding + swatch + 14 + font.MeasureText(text) + padding;
            if (x + width > Width - Margin)
            {
                if (lastRow)
                    break;
                x = Margin;
                y += height + gap;
                lastRow = y + 2 * height + gap > bottom;
            }
            // On the last row, leave room for "+3 more" while chips remain after this one.
            var followers = drawn < content.Chips.Count - 1;
            if (lastRow && followers && x + width > Width - Margin - MoreRoom)
                break;
            var color = SKColor.TryParse(chip.Color, out var parsed) ? parsed : Muted;
            var box = new SKRoundRect(new SKRect(x, y, x + width, y + height), height / 2);
            paint.Style = SKPaintStyle.Fill;
            paint.Color = color.WithAlpha(40);
            canvas.DrawRoundRect(box, paint);
            paint.Style = SKPaintStyle.Stroke;
            paint.StrokeWidth = 2;
            paint.Color = color;
            canvas.DrawRoundRect(box, paint);
            paint.Style = SKPaintStyle.Fill;
            canvas.DrawCircle(x + padding + swatch / 2, y + height / 2, swatch / 2, paint);
            paint.Color = Ink;
            canvas.DrawText(text, x + padding + swatch + 14, y + height / 2 + 10, SKTextAlign.Left, font, paint);
            x += width + gap;
            drawn++;
        }

        var left = content.Chips.Count - drawn;
        if (left > 0)
        {
            paint.Color = Muted;
            canvas.DrawText(string.Format(content.MoreChips ?? "+{0}", left), x, y + height / 2 + 10, SKTextAlign.Left, font, paint);
        }
    }

    /// <summary>The largest size from <paramref name="largest"/> down to <paramref name="smallest"/> at which the text fits.</summary>
    static SKFont FittingFont(SKTypeface typeface, string text, float largest, float smallest, float width)
    {
        var size = largest;
        var font = new SKFont(typeface, size);
        while (size > smallest && font.MeasureText(text) > width)
        {
            size -= 4;
            font.Size = size;
        }
        return font;
    }

    /// <summary>The text, shortened with "…" when it is wider than <paramref name="width"/>.</summary>
    static string Ellipsize(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
            return text;
        var end = text.Length;
        while (end > 1 && font.MeasureText(text[..end].TrimEnd() + "…") > width)
            end--;
        return text[..end].TrimEnd() + "…";
    }
}
