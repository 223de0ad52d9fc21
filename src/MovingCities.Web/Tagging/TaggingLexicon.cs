using System.Text;
using MovingCities.Web.Text;

namespace MovingCities.Web.Tagging;

/// <summary>An alternate name of a place: "Mailand" (de) for Milano, "Cologne" (en) for Köln.</summary>
public sealed record AlternateName(string Name, string Language, string Place, string Country);

/// <summary>An irregular inhabitant name or adjective: "Zürcher" for Zürich, "hannoversch" for Hannover.</summary>
public sealed record IrregularDemonym(string Form, string Place, string Country);

/// <summary>
/// The word lists the tag suggester weighs context with, read from the geodata folder (see geodata/README.md,
/// "Tagging"): alternate names, irregular demonyms, given names, things named after places, words that name a
/// country, and place names that at the start of a sentence are more often the everyday word. A folder without
/// them (a test fixture) gives an empty lexicon: then only names, rules and the common-word list count.
/// </summary>
public sealed class TaggingLexicon
{
    public const string AlternateNamesFile = "tagging-alternate-names.tsv";
    public const string DemonymsFile = "tagging-demonyms.tsv";
    public const string GivenNamesFile = "tagging-given-names.txt";
    public const string NamedThingsFile = "tagging-named-things.txt";
    public const string CountryWordsFile = "tagging-country-words.tsv";
    public const string SentenceStartWordsFile = "tagging-sentence-start-words.txt";

    public static TaggingLexicon Empty { get; } = new();

    public IReadOnlyList<AlternateName> AlternateNames { get; init; } = [];
    public IReadOnlyList<IrregularDemonym> Demonyms { get; init; } = [];

    /// <summary>Folded given names ("kaete", "nina").</summary>
    public IReadOnlySet<string> GivenNames { get; init; } = new HashSet<string>();

    /// <summary>Folded nouns that, after a place word, name a thing ("wuerstchen", "heide", "virus").</summary>
    public IReadOnlySet<string> ThingNouns { get; init; } = new HashSet<string>();

    /// <summary>Folded nouns that name a thing only after a hyphen ("Schengen-Raum", not "im Hamburger Raum").</summary>
    public IReadOnlySet<string> HyphenThingNouns { get; init; } = new HashSet<string>();

    /// <summary>Folded words that alone are more often a thing than people ("hamburger", "berliner").</summary>
    public IReadOnlySet<string> StandaloneThings { get; init; } = new HashSet<string>();

    /// <summary>Folded word starts naming a country, with its code ("norweg" → NO).</summary>
    public IReadOnlyList<(string Prefix, string Country)> CountryWords { get; init; } = [];

    /// <summary>Folded place names that start sentences as everyday words ("siegen", "nice").</summary>
    public IReadOnlySet<string> SentenceStartWords { get; init; } = new HashSet<string>();

    /// <summary>A word folded the German way: lowercase ASCII, umlauts spelled out (ü → ue), separators as single spaces.</summary>
    public static string Fold(string text) => Slug.From(text).Replace('-', ' ');

    public static TaggingLexicon Load(string folder)
    {
        IEnumerable<string[]> Table(string file) => Lines(Path.Combine(folder, file)).Skip(1).Select(l => l.Split('\t'))
            .Where(f => f.Length >= 3);
        var things = Lines(Path.Combine(folder, NamedThingsFile)).ToList();
        return new TaggingLexicon
        {
            AlternateNames = Table(AlternateNamesFile).Where(f => f.Length >= 4)
                .Select(f => new AlternateName(f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim())).ToList(),
            Demonyms = Table(DemonymsFile).Select(f => new IrregularDemonym(f[0].Trim(), f[1].Trim(), f[2].Trim())).ToList(),
            GivenNames = Lines(Path.Combine(folder, GivenNamesFile)).Select(Fold).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal),
            ThingNouns = things.Where(l => !l.StartsWith('=') && !l.StartsWith('-')).Select(Fold).ToHashSet(StringComparer.Ordinal),
            HyphenThingNouns = things.Where(l => l.StartsWith('-')).Select(l => Fold(l[1..])).ToHashSet(StringComparer.Ordinal),
            StandaloneThings = things.Where(l => l.StartsWith('=')).Select(l => Fold(l[1..])).ToHashSet(StringComparer.Ordinal),
            CountryWords = Lines(Path.Combine(folder, CountryWordsFile)).Skip(1).Select(l => l.Split('\t')).Where(f => f.Length == 2)
                .Select(f => (Fold(f[0]), f[1].Trim())).Distinct().ToList(),
            SentenceStartWords = Lines(Path.Combine(folder, SentenceStartWordsFile)).Select(Fold).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>A data file's lines: trimmed, without blank lines and # comments; none when the file is missing.</summary>
    static IEnumerable<string> Lines(string path) => File.Exists(path)
        ? File.ReadLines(path, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
        : [];
}
