using System.Globalization;
using System.Text;

namespace MovingCities.Web.Text;

/// <summary>
/// URL slugs and accent-free search keys, both derived from display names.
/// Slugs transliterate German umlauts (ä → ae) because that is how German readers spell them without
/// diacritics; search keys drop every accent so "osnabruck" and "zurich" still find their cities.
/// Both work on Unicode scalar values (runes), never on half a surrogate pair, and accept any string: emoji and
/// symbols separate words, decomposed input (NFD, as macOS sends it) folds like composed input, compatibility
/// forms (full-width Ｋ, mathematical 𝕂) fold to their plain letter, and a lone surrogate counts as a separator.
/// </summary>
public static class Slug
{
    /// <summary>What a slug looks like, for form validation and the browser's <c>pattern</c>; <see cref="IsSlug"/> in code.</summary>
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>What a slug looks like, as an editor is told it: a text key of <c>Resources/EditorText*.resx</c>, so attributes can name it.</summary>
    public const string HintKey = "Rule.Slug";

    public static readonly Localization.Message Hint = new(HintKey);

    /// <summary>
    /// Whether a text is a slug as typed (a post's, a city's id in the files, a network's, a commitment type's key):
    /// what <see cref="From"/> leaves unchanged, which is exactly what <see cref="Pattern"/> matches.
    /// </summary>
    public static bool IsSlug(string? text) => !string.IsNullOrEmpty(text) && From(text) == text;

    /// <summary>Lowercase ASCII: umlauts transliterated, other accents dropped, any other run of characters → one '-'.</summary>
    public static string From(string text) => Fold(text, transliterateUmlauts: true, keepSeparators: false);

    /// <summary>Lowercase ASCII with accents dropped (ü → u) and separators kept, for prefix search on names.</summary>
    public static string SearchKey(string text) => Fold(text, transliterateUmlauts: false, keepSeparators: true);

    /// <summary>
    /// The slug-shaped keys a name is found under: its slug and, where they differ, the slug with umlauts dropped
    /// rather than spelled out ("Osnabrück" → <c>osnabrueck</c>, <c>osnabruck</c>), as the map's search finds a
    /// name under both spellings (<c>searchKeys</c> in <c>wwwroot/js/text.js</c>).
    /// </summary>
    public static IReadOnlyList<string> Keys(string text)
    {
        var slug = From(text);
        var plain = Fold(text, transliterateUmlauts: false, keepSeparators: false);
        return slug == plain ? [slug] : [slug, plain];
    }

    static string Fold(string text, bool transliterateUmlauts, bool keepSeparators)
    {
        var result = new StringBuilder(text.Length + 4);
        var pendingSeparator = false;
        // Composing first turns u + U+0308 into ü, so the umlaut rule sees one letter whatever the input form.
        foreach (var rune in UnicodeText.Clean(text).EnumerateRunes())
        {
            var ascii = ToAscii(Rune.ToLowerInvariant(rune), transliterateUmlauts);
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

    /// <summary>The ASCII letters or digits a character stands for; empty for separators, symbols and other scripts.</summary>
    static string ToAscii(Rune rune, bool transliterateUmlauts)
    {
        var value = rune.Value;
        if (value is >= 'a' and <= 'z' or >= '0' and <= '9')
            return ((char)value).ToString();
        switch (value)
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
        // Other accented letters decompose into a base letter plus combining marks (é → e + ´); the compatibility
        // decomposition also maps full-width and styled letters (Ｋ, 𝕂) and ligatures (ﬁ) to plain ones.
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormKD);
        var letters = new StringBuilder();
        foreach (var part in decomposed.ToLowerInvariant())
        {
            if (part is >= 'a' and <= 'z' or >= '0' and <= '9')
                letters.Append(part);
        }
        return letters.ToString();
    }
}
