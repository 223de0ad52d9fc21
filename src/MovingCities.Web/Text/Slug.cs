using System.Globalization;
using System.Text;

namespace MovingCities.Web.Text;

/// <summary>
/// URL slugs and accent-free search keys, both derived from display names.
/// Slugs transliterate German umlauts (ä → ae) because that is how German readers spell them without
/// diacritics; search keys drop every accent so "osnabruck" and "zurich" still find their cities.
/// </summary>
public static class Slug
{
    /// <summary>Lowercase ASCII: umlauts transliterated, other accents dropped, any other run of characters → one '-'.</summary>
    public static string From(string text) => Fold(text, transliterateUmlauts: true, keepSeparators: false);

    /// <summary>Lowercase ASCII with accents dropped (ü → u) and separators kept, for prefix search on names.</summary>
    public static string SearchKey(string text) => Fold(text, transliterateUmlauts: false, keepSeparators: true);

    static string Fold(string text, bool transliterateUmlauts, bool keepSeparators)
    {
        var result = new StringBuilder(text.Length + 4);
        var pendingSeparator = false;
        foreach (var ch in text.Trim().ToLowerInvariant())
        {
            var ascii = ToAscii(ch, transliterateUmlauts);
            if (ascii.Length == 0)
            {
                pendingSeparator = true;
                continue;
            }
            if (pendingSeparator && result.Length > 0)
                result.Append(keepSeparators ? ' ' : '-');
            pendingSeparator = false;
            result.Append(ascii);
        }
        return result.ToString();
    }

    /// <summary>The ASCII letters or digits a character stands for; empty for separators and symbols.</summary>
    static string ToAscii(char ch, bool transliterateUmlauts)
    {
        if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            return ch.ToString();
        switch (ch)
        {
            case 'ä': return transliterateUmlauts ? "ae" : "a";
            case 'ö': return transliterateUmlauts ? "oe" : "o";
            case 'ü': return transliterateUmlauts ? "ue" : "u";
            case 'ß': return "ss";
            case 'æ': return "ae";
            case 'œ': return "oe";
            case 'ø': return "o";
            case 'ł': return "l";
            case 'đ' or 'ð': return "d";
            case 'þ': return "th";
            case 'ı': return "i";
        }
        // Other accented letters decompose into a base letter plus combining marks (é → e + ´).
        var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder();
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
                continue;
            if (part is >= 'a' and <= 'z' or >= '0' and <= '9')
                letters.Append(part);
        }
        return letters.ToString();
    }
}
