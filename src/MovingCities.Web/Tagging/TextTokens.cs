using System.Globalization;
using System.Text;
using MovingCities.Web.Text;

namespace MovingCities.Web.Tagging;

/// <summary>A word of a text as the tag suggester sees it.</summary>
/// <param name="Start">Where it starts in the original text.</param>
/// <param name="End">Where it ends in the original text (exclusive).</param>
/// <param name="Surface">The word as written, without soft hyphens and line-end hyphenation, composed (NFC).</param>
/// <param name="Key">Folded the German way: "Münchner" → "muenchner".</param>
/// <param name="Plain">Folded with accents dropped: "Münchner" → "munchner".</param>
/// <param name="Capitalized">Starts with an upper-case letter.</param>
/// <param name="AllCaps">Every letter upper case (and more than one).</param>
/// <param name="SentenceStart">First word of the text, a sentence, a line or a quotation after a colon.</param>
public readonly record struct TextToken(
    int Start, int End, string Surface, string Key, string Plain, bool Capitalized, bool AllCaps, bool SentenceStart);

/// <summary>
/// Splits text into words for tagging: letters, digits and combining marks (NFD umlauts); soft hyphens and
/// zero-width characters inside a word are skipped; a hyphen at a line end followed by a lower-case letter joins the
/// two halves ("Osna-\nbrück"). Apostrophes, brackets, slashes and hyphens otherwise separate words.
/// </summary>
public static class TextTokens
{
    /// <summary>Abbreviations whose full stop ends no sentence ("Dr. Kiel", "St. Gallen").</summary>
    static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
        { "dr", "prof", "st", "nr", "bzw", "ca", "vgl", "hl", "mr", "mrs", "ms", "jr", "sen", "gen", "abs", "str" };

    public static List<TextToken> Split(string text)
    {
        var tokens = new List<TextToken>(text.Length / 6 + 1);
        var word = new StringBuilder(32);
        var i = 0;
        var boundary = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(text, i))
            {
                if (c is '!' or '?' or ':' or ';' or '\n' or '\r' or '•'
                    || c == '.' && !(tokens.Count > 0 && tokens[^1].End == i && Abbreviations.Contains(tokens[^1].Key)))
                    boundary = true;
                i++;
                continue;
            }
            var start = i;
            word.Clear();
            while (i < text.Length)
            {
                c = text[i];
                if (IsWordChar(text, i))
                {
                    word.Append(c);
                    i++;
                }
                else if (c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' && i + 1 < text.Length && IsWordChar(text, i + 1))
                    i++; // soft hyphen or zero-width character inside a word
                else if (c is '-' or '\u00AD' && LineEndHyphenation(text, i) is { } resume)
                    i = resume; // "Osna-\nbrück"
                else
                    break;
            }
            var surface = UnicodeText.Clean(word.ToString());
            var key = TaggingLexicon.Fold(surface);
            if (key.Length == 0)
            {
                boundary = false;
                continue;
            }
            var letters = surface.Where(char.IsLetter).ToList();
            var capitalized = letters.Count > 0 && char.IsUpper(surface.First(char.IsLetterOrDigit));
            var allCaps = letters.Count > 1 && letters.All(char.IsUpper);
            tokens.Add(new TextToken(start, i, surface, key, Slug.SearchKey(surface), capitalized, allCaps, boundary));
            boundary = false;
        }
        return tokens;
    }

    static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
            return true;
        if (char.IsSurrogate(c))
            return false;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    /// <summary>Where the word goes on after a hyphen at a line end, when a lower-case letter follows; else null.</summary>
    static int? LineEndHyphenation(string text, int hyphen)
    {
        var j = hyphen + 1;
        while (j < text.Length && text[j] is ' ' or '\t')
            j++;
        if (j >= text.Length || text[j] is not ('\n' or '\r'))
            return null;
        while (j < text.Length && text[j] is '\n' or '\r' or ' ' or '\t')
            j++;
        return j < text.Length && char.IsLower(text[j]) ? j : null;
    }
}
