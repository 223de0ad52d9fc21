using System.Globalization;
using System.Text;

namespace MovingCities.Web.Text;

/// <summary>
/// Text as it arrives from people: any script, emoji, decomposed accents, stray control characters, even
/// half an emoji cut off by a client. One place turns it into well-formed, composed text before it is compared
/// or folded (and city names before they are stored).
/// </summary>
public static class UnicodeText
{
    /// <summary>
    /// Well-formed UTF-16 in Normalization Form C, so "Osnabru\u0308ck" and "Osnabrück" are the same string. A lone
    /// surrogate or a noncharacter (U+FFFE, which the normalizer refuses) becomes U+FFFD, the replacement
    /// character. Never throws.
    /// </summary>
    public static string Clean(string text)
    {
        if (NeedsRepair(text))
        {
            var builder = new StringBuilder(text.Length);
            foreach (var rune in text.EnumerateRunes()) // yields U+FFFD for every lone surrogate
                builder.Append(IsNoncharacter(rune) ? Rune.ReplacementChar.ToString() : rune.ToString());
            text = builder.ToString();
        }
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>One pass over the text: a lone surrogate or a noncharacter anywhere.</summary>
    static bool NeedsRepair(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch < '\uD800')
                continue;
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsNoncharacter(new Rune(ch, text[++i])))
                    return true;
                continue;
            }
            if (char.IsSurrogate(ch) || IsNoncharacter(new Rune(ch)))
                return true;
        }
        return false;
    }

    /// <summary>U+FDD0–U+FDEF and the last two code points of every plane: never meant for interchange.</summary>
    static bool IsNoncharacter(Rune rune) =>
        rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;

    /// <summary>True when the text holds a letter or digit of any script (not only the Latin ones slugs keep).</summary>
    public static bool HasLetterOrDigit(string text) =>
        Clean(text).EnumerateRunes().Any(r => Rune.IsLetterOrDigit(r));

    /// <summary>Length as a reader counts it: user-perceived characters, so an emoji flag is one, not four.</summary>
    public static int Length(string text) => new StringInfo(Clean(text)).LengthInTextElements;
}
