using System.Text;
using MovingCities.Web.Geodata;
using MovingCities.Web.Text;

namespace MovingCities.Web.Tagging;

/// <summary>A city on the map, as the suggester knows it.</summary>
public sealed record KnownCity(string Slug, string Name, string Country, string? Region, string? GazetteerName);

/// <summary>A place found in a text: a city on the map (Slug set) or a gazetteer place not yet on it.</summary>
/// <param name="Uncertainty">Why the match may be wrong, or null when it is certain.</param>
public sealed record TagSuggestion(
    string? Slug, string Name, string Country, string? Region, IReadOnlyList<string> Words,
    [property: System.Text.Json.Serialization.JsonIgnore] Localization.Message? Uncertainty,
    double? Longitude, double? Latitude)
{
    public bool Certain => Uncertainty is null;

    /// <summary>The doubt in English, as the API says everything.</summary>
    public string? Doubt => Uncertainty?.English;

    /// <summary>The doubt as a text key (<c>Resources/EditorText*.resx</c>) and its values, for the editor's script to say in the editor's language.</summary>
    public string? DoubtKey => Uncertainty?.Key;

    /// <inheritdoc cref="DoubtKey"/>
    public IReadOnlyList<string>? DoubtValues => Uncertainty?.InvariantValues;
}

/// <summary>
/// Finds the cities a text mentions, for tagging posts. Names are matched on whole words, ignoring case and
/// accents, with their common German and English forms: genitive and plural (Hannovers), the -er adjective
/// and inhabitant forms (Osnabrücker, Konstanzer, Bremer), -isch, English -'s and -ian; several words
/// ("Frankfurt am Main"), and the short form of a qualified name ("Frankfurt"). A word only matches as a whole,
/// so "Bern" is not found in "Bernhard". Names that are also everyday words ("Essen") are marked uncertain.
/// </summary>
/// <remarks>Immutable once built; rebuilt when the cities change (see <see cref="TagSuggestions"/>).</remarks>
public sealed class TagSuggester
{
    /// <summary>Endings (folded) that may follow a name; the first group may replace a final -en/-e ("Bremer").</summary>
    static readonly string[] Endings =
    [
        "erinnen", "erin", "ern", "ers", "er", "ischen", "ischer", "isches", "ischem", "ische", "isch", "es", "s", "ians", "ian",
    ];

    const int UnknownPlaceMinPopulation = 5_000;
    const int CommonWordMinPopulation = 100_000;

    sealed class Candidates
    {
        /// <summary>Cities on the map with this name.</summary>
        public List<KnownCity> Known { get; } = [];

        /// <summary>Cities on the map only known under this name through the gazetteer (a district named after its seat).</summary>
        public List<KnownCity> KnownBySeat { get; } = [];
        public List<GazetteerPlace> Places { get; } = [];
        public bool CommonWord { get; set; }
        /// <summary>Found through the short form of a qualified name ("Frankfurt" for "Frankfurt am Main").</summary>
        public bool ShortForm { get; set; }
    }

    readonly Dictionary<string, Candidates> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, Candidates>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    readonly int _maxWords;

    public TagSuggester(IEnumerable<KnownCity> cities, IEnumerable<GazetteerPlace> gazetteer, IEnumerable<string> commonWords)
    {
        var common = commonWords.Select(Key).ToHashSet(StringComparer.Ordinal);
        var knownKeys = new HashSet<(string, string)>();
        foreach (var city in cities)
        {
            foreach (var key in Keys(city.Name))
            {
                AddOnce(Add(key).Known, city);
                knownKeys.Add((key, city.Country));
                if (ShortFormOf(key) is { } shortForm && !_byName.ContainsKey(shortForm))
                    Add(shortForm).ShortForm = true;
            }
            if (city.GazetteerName is { } seat)
                foreach (var key in Keys(seat))
                {
                    AddOnce(Add(key).KnownBySeat, city);
                    knownKeys.Add((key, city.Country));
                }
        }
        // Short forms point at the known cities whose qualified name they start.
        foreach (var city in cities)
            foreach (var key in Keys(city.Name))
                if (ShortFormOf(key) is { } shortForm && _byName[shortForm].ShortForm)
                    AddOnce(_byName[shortForm].Known, city);

        foreach (var place in gazetteer.Where(p => p.Population >= UnknownPlaceMinPopulation))
            foreach (var key in Keys(place.Name).Concat(Keys(place.AsciiName)).Distinct())
                if (!knownKeys.Contains((key, place.Country)))
                {
                    var entry = Add(key);
                    if (!entry.Places.Contains(place))
                        entry.Places.Add(place);
                }
        foreach (var (key, entry) in _byName)
        {
            entry.CommonWord = common.Contains(key);
            entry.Places.Sort((a, b) => b.Population.CompareTo(a.Population));
            entry.Known.Sort((a, b) => string.CompareOrdinal(a.Slug, b.Slug));
            // "Konstanz" is the city, not "Landkreis Konstanz" whose seat it is, unless no city has the name itself.
            if (entry.Known.Count == 0)
                entry.Known.AddRange(entry.KnownBySeat.OrderBy(c => c.Slug, StringComparer.Ordinal));
        }
        _maxWords = _byName.Keys.Max(k => k.Count(c => c == ' ') + 1);
        _lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();

        static void AddOnce(List<KnownCity> list, KnownCity city)
        {
            if (!list.Contains(city))
                list.Add(city);
        }

        Candidates Add(string key)
        {
            if (!_byName.TryGetValue(key, out var entry))
                _byName[key] = entry = new Candidates();
            return entry;
        }
    }

    /// <summary>Folded words joined by single spaces: "Osnabrück" → "osnabruck", "Frankfurt (Oder)" → "frankfurt oder".</summary>
    static string Key(string name) => Slug.SearchKey(name);

    /// <summary>A name's keys: accents dropped, and with German umlauts spelled out (ü → ue), as writers do.</summary>
    static IEnumerable<string> Keys(string name) => new[] { Key(name), Slug.From(name).Replace('-', ' ') }.Distinct();

    /// <summary>"frankfurt am main" → "frankfurt"; only names whose later words qualify the first.</summary>
    static string? ShortFormOf(string key)
    {
        var words = key.Split(' ');
        return words.Length >= 3 && words[1] is "am" or "an" or "im" or "in" or "ob" or "bei" or "upon" or "on" ? words[0] : null;
    }

    readonly record struct Word(int Start, int End, string Folded, bool Capitalized);

    /// <summary>The places the text mentions, in order of first mention, each with the words that matched.</summary>
    public IReadOnlyList<TagSuggestion> Suggest(string text)
    {
        var words = Words(text);
        var found = new Dictionary<Candidates, List<string>>();
        var order = new List<Candidates>();
        Span<char> buffer = stackalloc char[256];
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Capitalized)
                continue; // names are written with a capital; "essen" (to eat) is not the city
            for (var n = Math.Min(_maxWords, words.Count - i); n >= 1; n--)
            {
                if (!Adjacent(text, words, i, n))
                    continue;
                var match = Find(words, i, n, buffer);
                if (match is null)
                    continue;
                var original = text[words[i].Start..words[i + n - 1].End];
                if (!found.TryGetValue(match, out var list))
                {
                    found[match] = list = [];
                    order.Add(match);
                }
                if (!list.Contains(original))
                    list.Add(original);
                i += n - 1;
                break;
            }
        }
        return order.Select(c => Describe(c, found[c])).OfType<TagSuggestion>().ToList();
    }

    /// <summary>Words of a name must follow each other with only spaces, hyphens or brackets between them.</summary>
    static bool Adjacent(string text, List<Word> words, int first, int count)
    {
        for (var k = first; k < first + count - 1; k++)
            foreach (var ch in text.AsSpan(words[k].End, words[k + 1].Start - words[k].End))
                if (ch is not (' ' or '-' or '(' or ')' or '\u00a0'))
                    return false;
        return true;
    }

    Candidates? Find(List<Word> words, int first, int count, Span<char> buffer)
    {
        var length = 0;
        for (var k = first; k < first + count - 1; k++)
        {
            if (length + words[k].Folded.Length + 1 > buffer.Length)
                return null;
            words[k].Folded.AsSpan().CopyTo(buffer[length..]);
            length += words[k].Folded.Length;
            buffer[length++] = ' ';
        }
        var last = words[first + count - 1].Folded;
        if (length + last.Length + 2 > buffer.Length)
            return null;
        if (Lookup(buffer, length, last.AsSpan()) is { } exact)
            return exact;
        foreach (var ending in Endings)
        {
            if (last.Length - ending.Length < 3 || !last.EndsWith(ending, StringComparison.Ordinal))
                continue;
            var stem = last.AsSpan(0, last.Length - ending.Length);
            if (Lookup(buffer, length, stem) is { } plain)
                return plain;
            // Bremen → Bremer, Halle → Haller: the -er forms replace a final -en or -e.
            if (ending.StartsWith("er", StringComparison.Ordinal) || ending.StartsWith("isch", StringComparison.Ordinal))
            {
                if (Lookup(buffer, length, stem, "en") is { } withEn)
                    return withEn;
                if (Lookup(buffer, length, stem, "e") is { } withE)
                    return withE;
            }
        }
        return null;
    }

    Candidates? Lookup(Span<char> buffer, int prefixLength, ReadOnlySpan<char> word, string append = "")
    {
        word.CopyTo(buffer[prefixLength..]);
        append.AsSpan().CopyTo(buffer[(prefixLength + word.Length)..]);
        return _lookup.TryGetValue(buffer[..(prefixLength + word.Length + append.Length)], out var entry) ? entry : null;
    }

    static TagSuggestion? Describe(Candidates candidates, List<string> words)
    {
        if (candidates.Known.Count > 0)
        {
            var city = candidates.Known[0];
            var doubt = candidates.CommonWord ? new Localization.Message("Doubt.EverydayWord", city.Name)
                : candidates.Known.Count > 1 ? new Localization.Message("Doubt.SeveralOnMap", string.Join(", ", candidates.Known.Select(c => c.Name)))
                : null;
            return new TagSuggestion(city.Slug, city.Name, city.Country, city.Region, words, doubt, null, null);
        }
        if (candidates.Places.Count == 0)
            return null;
        var place = candidates.Places[0];
        if (candidates.CommonWord && place.Population < CommonWordMinPopulation)
            return null; // "Wald", "Stein": far more often the word than the small place
        var placeDoubt = candidates.CommonWord ? new Localization.Message("Doubt.EverydayWord", place.Name)
            : candidates.Places.Count > 1 ? new Localization.Message("Doubt.SeveralPlaces", candidates.Places.Count, place.Name)
            : null;
        return new TagSuggestion(null, place.Name, place.Country, place.Region, words, placeDoubt,
            place.Longitude, place.Latitude);
    }

    static List<Word> Words(string text)
    {
        var words = new List<Word>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
                i++;
            var folded = Slug.SearchKey(text[start..i]);
            if (folded.Length > 0)
                words.Add(new Word(start, i, folded, char.IsUpper(text[start])));
        }
        return words;
    }
}
