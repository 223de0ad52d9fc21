using MovingCities.Web.Geodata;
using MovingCities.Web.Text;

namespace MovingCities.Web.Tagging;

/// <summary>A city on the map, as the suggester knows it (the position tells a district of it from a namesake).</summary>
/// <param name="LocationNote">Why the city is not at the gazetteer's point for its name, if it is not.</param>
public sealed record KnownCity(string Slug, string Name, string Country, string? Region, string? GazetteerName,
    double? Latitude = null, double? Longitude = null, string? LocationNote = null)
{
    /// <summary>
    /// The city stands at another place's point: a municipality of Rome or Brussels placed at Rome or Brussels, with
    /// a location note. The gazetteer name is then that other place's, and the city does not answer to it. A place
    /// whose name holds the gazetteer's ("Lampedusa e Linosa" at Lampedusa, "Landkreis Konstanz" at Konstanz) is
    /// placed at its own main town, and does.
    /// </summary>
    public bool PlacedElsewhere => LocationNote is not null && GazetteerName is { } other
        && !$" {TaggingLexicon.Fold(Name)} ".Contains($" {TaggingLexicon.Fold(other)} ", StringComparison.Ordinal);

    /// <summary>The gazetteer's name when it is this city's own ("The Hague" for Den Haag), else none.</summary>
    public string? OwnGazetteerName => PlacedElsewhere ? null : GazetteerName;

    /// <summary>
    /// The name a suggestion gives: the gazetteer's where it is the city's own, so a place that joins the map keeps
    /// answering to the name it had as a gazetteer place ("Bergen" for "Bergen (Norway)").
    /// </summary>
    public string SuggestedName => OwnGazetteerName ?? Name;
}

/// <summary>A place found in a text: a city on the map (Slug set) or a gazetteer place not yet on it.</summary>
/// <param name="Words">The words that matched, whole and as written ("Halle (Saale)", "Osnabrücker").</param>
/// <param name="Uncertainty">Why the words may well mean something else, or null when the match is certain.</param>
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
/// Finds the places a text mentions, for tagging posts, in German and English. Names match on whole words, ignoring
/// case and accents (German umlauts fold to ue, so "Bundes" is not "Bünde"), with their common forms: genitive
/// (Hannovers), inhabitants and adjectives by rule (Bochumer, Bremer, Dresdner, Darmstädter, kölnisch) and from a
/// table (Zürcher, hannoversch), English -'s; several words ("Frankfurt am Main"), qualified names written any
/// common way ("Frankfurt (Oder)", "Frankfurt/Oder", "Halle an der Saale"), the short form of a qualified name
/// ("Frankfurt", the largest city of that name), and alternate names (Mailand, Cologne).
/// The words around a match decide whether it is the place: names that are also everyday words ("Essen", "Kiel")
/// need no article before them ("Das Essen") and count at once after a preposition or "Stadt"; a place word before a
/// thing's name is the thing ("Frankfurter Würstchen", "Marburg-Virus"); a place word after a given name is a surname
/// ("Nina Hagen"). Matches that may still be something else are marked uncertain with the reason.
/// </summary>
/// <remarks>Immutable once built; rebuilt when the cities change (see <see cref="TagSuggestions"/>).</remarks>
public sealed class TagSuggester
{
    const int UnknownPlaceMinPopulation = 5_000;
    const int CommonWordMinPopulation = 100_000;
    const int DemonymMinPopulation = 20_000;
    const double DistrictRadiusKm = 25;

    /// <summary>A place a name can stand for: a city on the map or a gazetteer place.</summary>
    sealed class Place(KnownCity? city, GazetteerPlace? gazetteer, int population)
    {
        public KnownCity? City { get; } = city;
        public GazetteerPlace? Gazetteer { get; } = gazetteer;
        public int Population { get; } = population;
        public string Country => City?.Country ?? Gazetteer!.Country;
        public string Name => City?.Name ?? Gazetteer!.Name;
        public double? Latitude => City?.Latitude ?? Gazetteer?.Latitude;
        public double? Longitude => City?.Longitude ?? Gazetteer?.Longitude;
    }

    sealed class Candidates
    {
        /// <summary>Cities on the map with this name, largest first.</summary>
        public List<Place> Known { get; } = [];

        /// <summary>Cities on the map only known under this name through the gazetteer (a district named after its seat).</summary>
        public List<Place> KnownBySeat { get; } = [];

        /// <summary>Gazetteer places not on the map, largest first.</summary>
        public List<Place> Places { get; } = [];

        public bool CommonWord { get; set; }

        /// <summary>Gazetteer places found only through the short form of their name ("Kempten" for Kempten (Allgäu)).</summary>
        public HashSet<Place> ByShortForm { get; } = [];

        public IEnumerable<Place> All => Known.Concat(Places);
    }

    enum Form { Name, Genitive, Inhabitant, Adjective, EnglishAdjective }

    readonly Dictionary<string, Candidates> _byName = new(StringComparer.Ordinal);
    /// <summary>Accent-dropped keys of names with umlauts ("bunde" for Bünde): whole words only.</summary>
    readonly Dictionary<string, Candidates> _byPlainName = new(StringComparer.Ordinal);
    readonly Dictionary<string, (Candidates Candidates, bool Adjective)> _demonyms = new(StringComparer.Ordinal);
    readonly HashSet<string> _common;
    readonly TaggingLexicon _lexicon;
    readonly int _maxWords;

    public TagSuggester(IEnumerable<KnownCity> cities, IEnumerable<GazetteerPlace> gazetteer, IEnumerable<string> commonWords,
        TaggingLexicon? lexicon = null)
    {
        _lexicon = lexicon ?? TaggingLexicon.Empty;
        _common = commonWords.Select(TaggingLexicon.Fold).ToHashSet(StringComparer.Ordinal);
        var cityList = cities.ToList();
        // Gazetteer places large enough to suggest, each name folded once; their populations rank namesakes on the map.
        var gazetteerPlaces = new List<(Place Place, List<(string Key, string Plain)> Keys)>();
        var placesByName = new Dictionary<(string, string), List<Place>>();
        var population = new Dictionary<(string, string), int>();
        foreach (var place in gazetteer)
        {
            if (place.Population < UnknownPlaceMinPopulation)
                continue;
            var entry = new Place(null, place, place.Population);
            var keys = place.AsciiName == place.Name ? NameKeys(place.Name) : NameKeys(place.Name).Concat(NameKeys(place.AsciiName)).Distinct().ToList();
            gazetteerPlaces.Add((entry, keys));
            foreach (var plain in keys.Select(k => k.Plain).Distinct())
            {
                AddTo(placesByName, (place.Country, plain), entry);
                population[(place.Country, plain)] = Math.Max(population.GetValueOrDefault((place.Country, plain)), place.Population);
            }
        }
        int PopulationOf(KnownCity city) => Math.Max(
            population.GetValueOrDefault((city.Country, Slug.SearchKey(city.Name))),
            city.OwnGazetteerName is { } seat ? population.GetValueOrDefault((city.Country, Slug.SearchKey(seat))) : 0);

        var knownKeys = new HashSet<(string, string)>();
        var known = cityList.Select(c => new Place(c, null, PopulationOf(c))).ToList();
        foreach (var city in known)
        {
            foreach (var (key, plain) in NameKeys(city.City!.Name))
            {
                AddOnce(Add(key, plain).Known, city);
                knownKeys.Add((key, city.Country));
            }
            if (city.City.OwnGazetteerName is { } seat)
                foreach (var (key, plain) in NameKeys(seat))
                {
                    AddOnce(Add(key, plain).KnownBySeat, city);
                    knownKeys.Add((key, city.Country));
                }
        }
        // Short forms ("Frankfurt" for Frankfurt am Main and Frankfurt (Oder)) where no place has that name itself.
        foreach (var city in known)
            foreach (var name in new[] { city.City!.Name, city.City.OwnGazetteerName }.OfType<string>())
                if (ShortFormOf(name) is { } shortForm && !knownKeys.Contains((TaggingLexicon.Fold(shortForm), city.Country)))
                    AddOnce(Add(TaggingLexicon.Fold(shortForm), Slug.SearchKey(shortForm)).Known, city);

        foreach (var (entry, names) in gazetteerPlaces)
        {
            var place = entry.Gazetteer!;
            foreach (var (key, plain) in names)
                if (!knownKeys.Contains((key, place.Country)) && !knownKeys.Contains((plain, place.Country)))
                    AddOnce(Add(key, plain).Places, entry);
            if (ShortFormOf(place.Name) is { } shortForm && !knownKeys.Contains((TaggingLexicon.Fold(shortForm), place.Country))
                && !names.Any(n => knownKeys.Contains((n.Key, place.Country))))
            {
                var candidates = Add(TaggingLexicon.Fold(shortForm), Slug.SearchKey(shortForm));
                if (!candidates.Places.Contains(entry))
                {
                    candidates.Places.Add(entry);
                    candidates.ByShortForm.Add(entry);
                }
            }
        }

        // Alternate names point at the city on the map (the cities whose seat it is, when none has the name itself), else
        // at the largest gazetteer place of that name in that country.
        var knownByName = new Dictionary<(string, string), List<Place>>();
        var knownBySeatName = new Dictionary<(string, string), List<Place>>();
        foreach (var city in known)
        {
            AddTo(knownByName, (city.Country, Slug.SearchKey(city.City!.Name)), city);
            if (city.City.OwnGazetteerName is { } seat)
                AddTo(knownBySeatName, (city.Country, Slug.SearchKey(seat)), city);
        }
        List<Place> ResolveAll(string name, string country)
        {
            var key = (country, Slug.SearchKey(name));
            return knownByName.GetValueOrDefault(key) ?? knownBySeatName.GetValueOrDefault(key)
                ?? placesByName.GetValueOrDefault(key)?.OrderByDescending(p => p.Population).Take(1).ToList() ?? [];
        }
        Place? Resolve(string name, string country) => ResolveAll(name, country).FirstOrDefault();
        foreach (var alternate in _lexicon.AlternateNames)
            foreach (var target in ResolveAll(alternate.Place, alternate.Country))
                foreach (var (key, plain) in NameKeys(alternate.Name))
                {
                    var entry = Add(key, plain);
                    AddOnce(target.City is null ? entry.Places : entry.Known, target);
                }

        foreach (var (key, entry) in _byName)
        {
            entry.CommonWord = _common.Contains(key);
            // "Konstanz" is the city, not "Landkreis Konstanz" whose seat it is, unless no city has the name itself.
            if (entry.Known.Count == 0)
                entry.Known.AddRange(entry.KnownBySeat);
            entry.Known.Sort((a, b) => b.Population != a.Population ? b.Population.CompareTo(a.Population) : string.CompareOrdinal(a.City!.Slug, b.City!.Slug));
            entry.Places.Sort((a, b) => b.Population.CompareTo(a.Population));
        }

        // Inhabitants and adjectives: by rule for the cities on the map and the larger places, then the irregular ones.
        foreach (var (key, entry) in _byName.ToList())
        {
            var largest = entry.All.Select(p => p.Population).DefaultIfEmpty(0).Max();
            var germanSpeaking = entry.All.Any(p => p.Country is "DE" or "AT" or "CH" or "LI" or "LU");
            if (entry.Known.Count == 0 && !(largest >= 100_000 || germanSpeaking && largest >= DemonymMinPopulation))
                continue;
            if (key.Length < 3 || key.Split(' ')[^1].Length < 3)
                continue;
            foreach (var (form, adjective) in DemonymsOf(key, entry.CommonWord))
                if (!_byName.ContainsKey(form) && !_common.Contains(form) && !_lexicon.GivenNames.Contains(form)
                    && (!_demonyms.TryGetValue(form, out var other) || Largest(other.Candidates) < largest))
                    _demonyms[form] = (entry, adjective);
        }
        foreach (var demonym in _lexicon.Demonyms)
            if (Resolve(demonym.Place, demonym.Country) is { } target
                && _byName.TryGetValue(TaggingLexicon.Fold(target.Name), out var entry))
            {
                var form = TaggingLexicon.Fold(demonym.Form);
                _demonyms[form] = (entry, char.IsLower(demonym.Form[0]));
            }

        _maxWords = _byName.Keys.Max(k => k.Count(c => c == ' ') + 1);

        static void AddTo(Dictionary<(string, string), List<Place>> index, (string, string) key, Place place)
        {
            if (!index.TryGetValue(key, out var list))
                index[key] = list = [];
            list.Add(place);
        }

        static int Largest(Candidates c) => c.All.Select(p => p.Population).DefaultIfEmpty(0).Max();

        static void AddOnce(List<Place> list, Place place)
        {
            if (!list.Contains(place))
                list.Add(place);
        }

        Candidates Add(string key, string plain)
        {
            if (!_byName.TryGetValue(key, out var entry))
                _byName[key] = entry = new Candidates();
            if (plain != key && plain.Length > 0)
                _byPlainName.TryAdd(plain, entry);
            return entry;
        }
    }

    static readonly string[] Qualifiers = ["am", "an der", "an", "im", "in der", "in", "ob der", "bei", "upon", "on"];

    /// <summary>
    /// A name's keys (German fold, accent-dropped fold) and those of the usual ways of writing a qualified name:
    /// "Frankfurt (Oder)" is also "Frankfurt an der Oder", "Kelkheim (Taunus)" also "Kelkheim im Taunus".
    /// </summary>
    static List<(string Key, string Plain)> NameKeys(string name)
    {
        var plainName = Slug.SearchKey(name);
        // Plain ASCII names fold the same both ways (the folds differ only for umlauts and other non-ASCII letters).
        var keys = new List<(string, string)> { (name.All(char.IsAscii) ? plainName : TaggingLexicon.Fold(name), plainName) };
        if (name.IndexOf('(') < 0 && name.IndexOf('/') < 0)
            return keys;
        var open = name.IndexOf('(');
        var close = name.IndexOf(')');
        var slash = name.IndexOf('/');
        string? head = null, qualifier = null;
        if (open > 0 && close > open)
            (head, qualifier) = (name[..open].Trim(), name[(open + 1)..close].Trim());
        else if (slash > 0)
            (head, qualifier) = (name[..slash].Trim(), name[(slash + 1)..].Trim());
        if (head is not null && qualifier is { Length: > 0 })
            foreach (var word in Qualifiers)
                keys.Add((TaggingLexicon.Fold($"{head} {word} {qualifier}"), Slug.SearchKey($"{head} {word} {qualifier}")));
        return keys.Distinct().ToList();
    }

    /// <summary>"Frankfurt am Main", "Frankfurt (Oder)", "Kempten (Allgäu)" → "Frankfurt"; null for other names.</summary>
    static string? ShortFormOf(string name)
    {
        var open = name.IndexOf('(');
        if (open > 0)
            return name[..open].Trim();
        if (name.IndexOf('/') is > 0 and var slash)
            return name[..slash].Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 3 && words[1] is "am" or "an" or "im" or "in" or "ob" or "bei" or "upon" or "on" ? words[0] : null;
    }

    /// <summary>
    /// Inhabitant and adjective forms by rule: Bochum → Bochumer, Bremen → Bremer, Dresden → Dresdner, Basel → Basler,
    /// Darmstadt → Darmstädter, Köln → kölnisch, Bremen → bremisch. A name that is also an everyday word gets no form
    /// that drops its ending ("Siegen" → "Siegener", never "Sieger").
    /// </summary>
    static IEnumerable<(string Form, bool Adjective)> DemonymsOf(string key, bool commonWord)
    {
        yield return (key + "er", false);
        if (key.EndsWith("stadt", StringComparison.Ordinal))
            yield return (key[..^5] + "staedter", false);
        if (commonWord)
            yield break;
        if (key.EndsWith("en", StringComparison.Ordinal))
        {
            yield return (key[..^2] + "er", false);
            yield return (key[..^2] + "ner", false);
            yield return (key[..^2] + "isch", true);
        }
        else if (key.EndsWith('e'))
            yield return (key[..^1] + "er", false);
        else if (key.EndsWith("el", StringComparison.Ordinal))
            yield return (key[..^2] + "ler", false);
        else
            yield return (key + "isch", true);
    }

    static readonly string[] InhabitantEndings = ["innen", "in", "n", "s"];
    static readonly string[] AdjectiveEndings = ["e", "en", "er", "es", "em"];

    static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "im", "am", "vom",
        "zum", "zur", "beim", "ins", "ans", "aufs", "kein", "keine", "keinem", "keinen", "keiner", "keines", "dieser",
        "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden", "jener", "jene", "jenes",
        "jenem", "jenen", "welcher", "welche", "welches", "welchem", "welchen", "sein", "seine", "seinem", "seinen",
        "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "unser", "unsere", "unserem", "unseren",
        "unserer", "unseres", "mein", "meine", "meinem", "meinen", "meiner", "meines", "dein", "deine", "deinem",
        "deinen", "euer", "eure", "eurem", "euren", "manche", "manchen", "einige", "einigen", "viele", "vielen", "the", "a", "an",
        "this", "that", "its", "his", "her", "their", "our", "my", "your", "these", "those",
    };

    static readonly HashSet<string> PlacePrepositions = new(StringComparer.Ordinal)
    {
        "in", "aus", "nach", "von", "bei", "bis", "ueber", "zwischen", "gegenueber", "ab", "um", "nahe", "naechst",
        "from", "to", "of", "near", "at", "via", "outside", "around", "across", "off", "towards", "toward", "de", "a", "en",
    };

    static readonly HashSet<string> SettlementNouns = new(StringComparer.Ordinal)
    {
        "stadt", "staedte", "gemeinde", "gemeinden", "ort", "orte", "dorf", "markt", "city", "cities", "town", "towns",
        "village", "villages", "municipality", "ville", "commune", "citta", "comune", "ciudad", "stad", "gemeente",
    };

    static readonly HashSet<string> RegionNouns = new(StringComparer.Ordinal)
    {
        "land", "bundesland", "freistaat", "kanton", "provinz", "province", "county", "state",
    };

    static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "herr", "herrn", "frau", "dr", "prof", "mr", "mrs", "ms", "sir", "lady", "madame", "monsieur", "mme", "familie", "family",
    };

    /// <summary>Words that join the parts of a name and stay lower case ("Frankfurt am Main", "Pineda de Mar").</summary>
    static readonly HashSet<string> NameLinks = new(StringComparer.Ordinal)
    {
        "am", "an", "der", "die", "das", "dem", "den", "im", "in", "bei", "ob", "upon", "on", "the", "de", "del", "della",
        "di", "da", "la", "le", "les", "sur", "sous", "e", "y", "i", "a", "d", "en", "op", "aan", "van", "zu", "zum", "zur",
        "vor", "auf", "district", "arrondissement", "st", "th", "nd", "rd",
    };

    /// <summary>A German present participle used as an adjective: "stehende", "wartenden".</summary>
    static bool Participle(string key) =>
        key.Length > 5 && (key.EndsWith("ende", StringComparison.Ordinal) || key.EndsWith("enden", StringComparison.Ordinal)
            || key.EndsWith("ender", StringComparison.Ordinal) || key.EndsWith("endes", StringComparison.Ordinal)
            || key.EndsWith("endem", StringComparison.Ordinal));

    /// <summary>Words of a town's politics: a sentence holding one makes a name at its start more likely the place.</summary>
    static bool Municipal(string key) => key is "rat" or "city" or "council" or "mayor" or "town" or "municipality" or "councillors"
        || key.StartsWith("stadt", StringComparison.Ordinal) || key.StartsWith("gemeinde", StringComparison.Ordinal)
        || key.StartsWith("rathaus", StringComparison.Ordinal) || key.StartsWith("buergermeister", StringComparison.Ordinal)
        || key.StartsWith("oberbuergermeister", StringComparison.Ordinal) || key.StartsWith("landkreis", StringComparison.Ordinal);

    /// <summary>Words after a place that a person's given name would not be followed by ("Paris City Council").</summary>
    static readonly HashSet<string> InstitutionWords = new(StringComparer.Ordinal)
    {
        "city", "council", "mayor", "town", "university", "airport", "station", "police", "region", "area", "district",
        "stadtrat", "rat", "hauptbahnhof", "buergermeister", "buergermeisterin", "flughafen", "hafen", "gemeinderat",
    };

    /// <summary>Month names: "in March" is a date unless a place noun comes before ("the town of March").</summary>
    static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "januar", "februar", "maerz", "mai", "juni", "juli", "oktober", "dezember",
    };

    static readonly HashSet<string> GermanWords = new(StringComparer.Ordinal)
        { "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "ein", "eine", "sich", "auf", "fuer", "im", "zu", "hat", "wird", "wurde", "sind" };

    static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
        { "the", "and", "of", "to", "is", "was", "has", "have", "for", "with", "from", "by", "are", "were", "its", "on" };

    sealed record Mention(Candidates Candidates, int First, int Last, Form Form, string Words)
    {
        public bool Rejected { get; set; }
        public Localization.Message? Doubt { get; set; }
        /// <summary>A name that is no everyday word, or one with a preposition or "Stadt" before it.</summary>
        public bool Strong { get; set; }
        /// <summary>Left out only because nothing pointed to a place (not because something pointed away).</summary>
        public bool LeftOutForLackOfEvidence { get; set; }
    }

    /// <summary>The places the text mentions, in order of first mention, each with the words that matched.</summary>
    public IReadOnlyList<TagSuggestion> Suggest(string text)
    {
        var tokens = TextTokens.Split(text);
        var headline = HeadlineWords(text, tokens);
        var english = tokens.Count(t => EnglishWords.Contains(t.Key)) > tokens.Count(t => GermanWords.Contains(t.Key));
        var mentions = new List<Mention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!tokens[i].Capitalized)
            {
                // names are written with a capital ("essen", to eat, is not the city); only a city's adjective is not:
                // "die hannoversche Verwaltung", "das bremische Gesetz"
                if (Match(tokens, i, 1) is { Form: Form.Adjective, Candidates.Known.Count: > 0 } adjective)
                    mentions.Add(new Mention(adjective.Candidates, i, i, Form.Adjective, tokens[i].Surface));
                continue;
            }
            // "EU", "II", "US": a short word in capitals among ordinary ones is an abbreviation or a numeral
            if (tokens[i].AllCaps && tokens[i].Key.Length <= 3
                && !(i > 0 && tokens[i - 1].AllCaps || i + 1 < tokens.Count && tokens[i + 1].AllCaps))
                continue;
            for (var n = Math.Min(_maxWords, tokens.Count - i); n >= 1; n--)
            {
                if (!Joined(text, tokens, i, n))
                    continue;
                if (Match(tokens, i, n) is not { } match)
                    continue;
                mentions.Add(new Mention(match.Candidates, i, i + n - 1, match.Form, WordsOf(text, tokens, i, i + n - 1)));
                i += n - 1;
                break;
            }
        }

        var endingAt = mentions.ToDictionary(m => m.Last);
        foreach (var mention in mentions)
            Judge(mention, text, tokens, endingAt, headline, english);
        // Enumerations: "Marl, Minden und Rheine", "Aus Essen und Duisburg", "Hof, Bayreuth und Bamberg" carry each other.
        for (var round = 0; round < 3; round++)
            for (var k = 0; k < mentions.Count; k++)
            {
                var mention = mentions[k];
                if (!((!mention.Rejected && mention.Doubt is not null || mention.LeftOutForLackOfEvidence) && !mention.Strong))
                    continue;
                // Mentions are in text order: a list partner is the one just before or just after.
                if (new[] { k - 1, k + 1 }.Any(j => j >= 0 && j < mentions.Count && mentions[j] is { Rejected: false, Strong: true } other
                        && Listed(text, tokens, mention, other)))
                {
                    mention.Rejected = false;
                    mention.LeftOutForLackOfEvidence = false;
                    mention.Doubt = null;
                    mention.Strong = true;
                }
            }

        var found = new Dictionary<Place, (List<string> Words, bool Certain, Localization.Message? Doubt)>();
        string?[]? countryWords = null;
        var order = new List<Place>();
        foreach (var mention in mentions.Where(m => !m.Rejected))
        {
            if (Choose(mention, tokens, ref countryWords) is not { } choice)
                continue;
            var (place, choiceDoubt) = choice;
            var doubt = mention.Doubt ?? choiceDoubt;
            if (!found.TryGetValue(place, out var entry))
            {
                order.Add(place);
                entry = ([], false, doubt);
            }
            if (!entry.Words.Contains(mention.Words))
                entry.Words.Add(mention.Words);
            found[place] = (entry.Words, entry.Certain || doubt is null, entry.Certain || doubt is null ? null : entry.Doubt ?? doubt);
        }
        return order.Select(p =>
        {
            var (words, certain, doubt) = found[p];
            return p.City is { } city
                ? new TagSuggestion(city.Slug, city.SuggestedName, city.Country, city.Region, words, certain ? null : doubt, null, null)
                : new TagSuggestion(null, p.Gazetteer!.Name, p.Country, p.Gazetteer.Region, words, certain ? null : doubt,
                    p.Gazetteer.Longitude, p.Gazetteer.Latitude);
        }).ToList();
    }

    /// <summary>Decides from the words around it whether a mention is the place, maybe, or surely not.</summary>
    void Judge(Mention mention, string text, List<TextToken> tokens, Dictionary<int, Mention> endingAt, HashSet<int> headline, bool english)
    {
        var first = tokens[mention.First];
        var token = tokens[mention.Last];
        var previous = mention.First > 0 && !first.SentenceStart ? tokens[mention.First - 1] : (TextToken?)null;
        var next = mention.Last + 1 < tokens.Count && !tokens[mention.Last + 1].SentenceStart ? tokens[mention.Last + 1] : (TextToken?)null;
        var nextSeparator = next is { } n ? text[token.End..n.Start] : "";
        var nextAdjacent = next is not null && nextSeparator is " " or "\u00a0" or "-" or "‐";
        var previousSeparator = previous is { } p ? text[p.End..first.Start] : "";
        var previousAdjacent = previous is not null && previousSeparator is " " or "\u00a0";
        var single = mention.First == mention.Last;
        var candidates = mention.Candidates;

        bool Reject()
        {
            mention.Rejected = true;
            return true;
        }

        // "Herr Kiel", "Dr. Essen"
        if (previous is { } title && Honorifics.Contains(title.Key) && previousAdjacent | previousSeparator is ". ")
        {
            Reject();
            return;
        }
        // "Frankfurter Würstchen", "Lüneburger Heide", "Bremer Straße", "Marburg-Virus", "Kölnisch Wasser"
        if (nextAdjacent && next is { Capitalized: true } thing
            && (_lexicon.ThingNouns.Contains(thing.Key) || nextSeparator.Contains('-') && _lexicon.HyphenThingNouns.Contains(thing.Key)))
        {
            Reject();
            return;
        }
        var adjectiveUse = nextAdjacent && next is { Capitalized: true } && nextSeparator is " " or "\u00a0";
        // "zweihundert Berliner", "Hamburger, Pommes": the pastry, the sandwich
        if (mention.Form is Form.Inhabitant && single && _lexicon.StandaloneThings.Contains(token.Key) && !adjectiveUse)
        {
            Reject();
            return;
        }
        // "Nina Hagen", "Katrin Ulmer", "Käte Hamburger": a place word after a given name is a surname
        if (single && previousAdjacent && previous is { Capitalized: true } given && _lexicon.GivenNames.Contains(given.Key)
            && !endingAt.ContainsKey(mention.First - 1) && !Determiners.Contains(given.Key))
        {
            Reject();
            return;
        }
        // "Paris Hilton", "Nancy Faeser": a place that is also a given name, before a capitalised word that is no place
        if (single && mention.Form is Form.Name && _lexicon.GivenNames.Contains(token.Key) && nextAdjacent && nextSeparator is " "
            && next is { Capitalized: true, AllCaps: false } surname && !Determiners.Contains(surname.Key)
            && !InstitutionWords.Contains(surname.Key) && !_byName.ContainsKey(surname.Key) && !_demonyms.ContainsKey(surname.Key)
            && !(previous is { } before && (PlacePrepositions.Contains(before.Key) || SettlementNouns.Contains(before.Key)))
            && !(english && first.SentenceStart && !surname.Capitalized))
        {
            Reject();
            return;
        }
        if (mention.Form is Form.Inhabitant && single && token.Key.EndsWith("er", StringComparison.Ordinal) && !adjectiveUse)
        {
            // "Florian Bamberger sprach": a name standing alone after another capitalised word is a surname
            if (previous is { Capitalized: true, AllCaps: false, SentenceStart: false } name && !Determiners.Contains(name.Key) && previousAdjacent
                && !endingAt.ContainsKey(mention.First - 1))
            {
                Reject();
                return;
            }
        }

        var regionBefore = previous is { } region && RegionNouns.Contains(region.Key);
        var positive = previous is { } q && (PlacePrepositions.Contains(q.Key) || SettlementNouns.Contains(q.Key)
            || q.Key.EndsWith("stadt", StringComparison.Ordinal) && q.Capitalized);
        var determiner = previous is { } d && Determiners.Contains(d.Key);
        // "eine neue Stelle", "dem großen Essen": determiner + adjective before the noun
        var adjectiveBefore = previous is { Capitalized: false } adj && mention.First >= 2 && !tokens[mention.First - 1].SentenceStart
            && Determiners.Contains(tokens[mention.First - 2].Key) && adj.Key.Length > 2
            && AdjectiveEndings.Any(e => adj.Key.EndsWith(e, StringComparison.Ordinal));
        // "Im Ulmer Münster": a place's adjective before a name makes it a building or a thing
        var placeAdjectiveBefore = endingAt.TryGetValue(mention.First - 1, out var adjectiveMention) && adjectiveMention.Form is Form.Inhabitant or Form.Adjective
            && previousAdjacent;
        var startLike = first.SentenceStart || headline.Contains(mention.First) || first.AllCaps && !positive;
        // A gazetteer place known here only by the short form of its name ("Burg", "Seen", "Rot") is weighed like a word.
        var everyday = mention.Form is Form.Name or Form.Genitive && single
            && (candidates.CommonWord || _common.Contains(token.Key)
                || candidates.Known.Count == 0 && candidates.Places.All(candidates.ByShortForm.Contains));
        var gazetteerOnly = candidates.Known.Count == 0;
        var largest = candidates.All.Select(c => c.Population).DefaultIfEmpty(0).Max();

        if (single && Months.Contains(token.Key) && !(previous is { } noun && SettlementNouns.Contains(noun.Key)
                || mention.First >= 2 && previous is { Key: "of" } && SettlementNouns.Contains(tokens[mention.First - 2].Key)))
        {
            Reject(); // "in March", "im Mai"
            return;
        }
        if (regionBefore && mention.Form is Form.Name or Form.Genitive)
        {
            // "Das Land Brandenburg", "Kanton Zürich": the state or canton, not the city. A city called that very name
            // ("Bundesland Bremen") may still be meant; one that only shares the short form of its name ("Brandenburg"
            // for Brandenburg an der Havel) is not.
            if (gazetteerOnly || single && !candidates.Known.Any(c => CalledExactly(c.City!, token.Key)))
            {
                Reject();
                return;
            }
            mention.Doubt = new("Doubt.StateOrCity", $"{previous!.Value.Surface} {mention.Words}");
            return;
        }
        if (mention.Form is Form.Name or Form.Genitive && (everyday || gazetteerOnly && single))
        {
            if (positive)
            {
                mention.Strong = true;
                return;
            }
            if (determiner || adjectiveBefore || placeAdjectiveBefore)
            {
                Reject(); // "Das Essen", "Der Kiel des Schiffs", "Im Norden der Stadt", "Im Ulmer Münster"
                return;
            }
            if (everyday && gazetteerOnly && largest < CommonWordMinPopulation)
            {
                Reject(); // "Wald", "Stein", "Kuchen": far more often the word than the small place
                mention.LeftOutForLackOfEvidence = true;
                return;
            }
            if (nextAdjacent && next is { } after && (InstitutionWords.Contains(after.Key) || Municipal(after.Key)))
            {
                mention.Strong = true; // "Hull City Council", "Siegen Stadtrat"
                return;
            }
            if (everyday && startLike && _lexicon.SentenceStartWords.Contains(token.Key))
            {
                // "Siegen ist nicht alles", "Senden Sie", "Weil die Stadt", "Nice words", "Split decisions"; but "Siegen
                // hat als erste Stadt": a sentence about a town's politics keeps it, in doubt
                var sentenceEnd = mention.Last + 1;
                while (sentenceEnd < tokens.Count && !tokens[sentenceEnd].SentenceStart && sentenceEnd - mention.Last < 40)
                    sentenceEnd++;
                // "Senden Sie", "Weil die Stadt"; "Leer stehende Kasernen": a participle after it makes it an adverb
                var pronounAfter = next is { } word && (Determiners.Contains(word.Key) || word.Key is "sie" or "er" or "es" or "wir" or "man" or "ich" or "du"
                    || !word.Capitalized && !english && Participle(word.Key));
                // English: only "Reading's council", "Nice has", "Split is": an adjective or verb sense goes on otherwise
                var possessive = next is { Key: "s" } && nextSeparator is "'" or "’";
                var englishSubject = possessive || next is { } verb && verb.Key is "has" or "had" or "is" or "was" or "will" or "would" or "voted" or "declared";
                if (pronounAfter || (english ? !englishSubject
                        : !Enumerable.Range(mention.Last + 1, sentenceEnd - mention.Last - 1).Any(k => Municipal(tokens[k].Key))))
                {
                    Reject();
                    mention.LeftOutForLackOfEvidence = !pronounAfter;
                    return;
                }
            }
            if (everyday)
                mention.Doubt = new("Doubt.EverydayWord", token.Surface);
            else
                mention.Strong = true;
            return;
        }
        mention.Strong = true;
        if (mention.Form is Form.Inhabitant && !adjectiveUse && single && !InhabitantEndings.Any(e => e != "s" && token.Key.EndsWith("er" + e, StringComparison.Ordinal))
            && !(previous is { } art && Determiners.Contains(art.Key)))
        {
            mention.Doubt = new("Doubt.PeopleOrProduct", token.Surface);
            mention.Strong = false; // "Essener und Bochumer Initiativen": the list clears the doubt
        }
    }

    /// <summary>Two mentions next to each other in a list: "Marl, Minden und Rheine", "Essen und Duisburg".</summary>
    /// <summary>Whether a city's own name (or its own gazetteer name) is the word, not only the short form of it.</summary>
    static bool CalledExactly(KnownCity city, string key) =>
        TaggingLexicon.Fold(city.Name) == key || city.OwnGazetteerName is { } own && TaggingLexicon.Fold(own) == key;

    static bool Listed(string text, List<TextToken> tokens, Mention a, Mention b)
    {
        var (left, right) = a.First < b.First ? (a, b) : (b, a);
        if (right.First - left.Last > 2)
            return false;
        var between = text[tokens[left.Last].End..tokens[right.First].Start].Trim().ToLowerInvariant();
        return between is "," or "und" or "and" or "oder" or "or" or "sowie" or "&" or "/";
    }

    /// <summary>The place a mention stands for: a country named in the sentence decides between namesakes.</summary>
    (Place Place, Localization.Message? Doubt)? Choose(Mention mention, List<TextToken> tokens, ref string?[]? countryWords)
    {
        var candidates = mention.Candidates;
        // Namesakes in other countries include cities on the map known by their gazetteer name ("Bergen (Norway)").
        var all = candidates.All.Concat(candidates.KnownBySeat).Distinct().ToList();
        if (all.Count == 0)
            return null;
        if (all.Select(p => p.Country).Distinct().Count() > 1)
        {
            countryWords ??= CountryWords(tokens);
            var hinted = CountriesNear(tokens, mention.First, countryWords);
            if (all.FirstOrDefault(p => hinted.Contains(p.Country)) is { } inCountry)
                return (inCountry, null);
        }
        if (candidates.Known.Count > 0)
        {
            var city = candidates.Known[0];
            if (candidates.Known.Count > 1 && city.Population < 5 * candidates.Known[1].Population)
                return (city, new("Doubt.SeveralOnMap", string.Join(", ", candidates.Known.Select(c => c.Name))));
            return (city, null);
        }
        var place = candidates.Places[0];
        // "Halle-Neustadt": a district of a city on the map, named after it
        if (mention.First != mention.Last && _byName.TryGetValue(tokens[mention.First].Key, out var head)
            && head.Known.FirstOrDefault(c => c.Country == place.Country && c.Latitude is { } lat && c.Longitude is { } lon
                && Cities.Distance.Km(lon, lat, place.Longitude!.Value, place.Latitude!.Value) <= DistrictRadiusKm) is { } city2)
            return (city2, null);
        if (candidates.Places.Count > 1 && place.Population < 10 * candidates.Places[1].Population)
            return (place, new("Doubt.SeveralPlaces", candidates.Places.Count, place.Name));
        return (place, null);
    }

    /// <summary>Countries named in the sentence around a word ("the Norwegian city of", "im schweizerischen").</summary>
    HashSet<string> CountriesNear(List<TextToken> tokens, int index, string?[] countryWords)
    {
        // Within the sentence, and at most 40 words either way (a text without full stops is not one sentence).
        var result = new HashSet<string>(StringComparer.Ordinal);
        var start = index;
        while (start > 0 && index - start < 40 && !tokens[start].SentenceStart)
            start--;
        for (var k = start; k < tokens.Count && k - index <= 40 && (k == start || !tokens[k].SentenceStart); k++)
            if (countryWords[k] is { } country)
                result.Add(country);
        return result;
    }

    /// <summary>The country each word names, if any ("norwegische" → NO).</summary>
    string?[] CountryWords(List<TextToken> tokens)
    {
        var result = new string?[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
            foreach (var (prefix, country) in _lexicon.CountryWords)
                if (tokens[k].Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    result[k] = country;
                    break;
                }
        return result;
    }

    /// <summary>Words on title-case lines ("Rescue Ship Suffers Hull Damage"), where a capital says nothing.</summary>
    static HashSet<int> HeadlineWords(string text, List<TextToken> tokens)
    {
        var result = new HashSet<int>();
        var lineStart = 0;
        while (lineStart < tokens.Count)
        {
            var lineEnd = lineStart + 1;
            while (lineEnd < tokens.Count && !text.AsSpan(tokens[lineEnd - 1].End, tokens[lineEnd].Start - tokens[lineEnd - 1].End).Contains('\n'))
                lineEnd++;
            var words = Enumerable.Range(lineStart, lineEnd - lineStart).Where(k => tokens[k].Key.Length >= 4).ToList();
            if (words.Count >= 3 && words.Count(k => tokens[k].Capitalized) >= 0.75 * words.Count
                && Enumerable.Range(lineStart, lineEnd - lineStart).Count(k => GermanWords.Contains(tokens[k].Key)) == 0)
                for (var k = lineStart; k < lineEnd; k++)
                    result.Add(k);
            lineStart = lineEnd;
        }
        return result;
    }

    /// <summary>Words of a name follow each other with only spaces, hyphens, brackets or a slash between them.</summary>
    static bool Joined(string text, List<TextToken> tokens, int first, int count)
    {
        for (var k = first; k < first + count - 1; k++)
        {
            var gap = text.AsSpan(tokens[k].End, tokens[k + 1].Start - tokens[k].End);
            if (gap.Length == 0)
                return false;
            foreach (var ch in gap)
                if (ch is not (' ' or '-' or '(' or ')' or '/' or '\u00a0' or '\u2009' or '\u202f' or '–' or '‐')
                    && !(ch == '.' && tokens[k].Key.Length <= 3))
                    return false;
            // "Frankfurt oder Berlin" is not Frankfurt (Oder): later words of a name are capitalised, or link words
            var word = tokens[k + 1];
            if (!word.Capitalized && !char.IsDigit(word.Surface[0]) && !NameLinks.Contains(word.Key))
                return false;
        }
        return true;
    }

    (Candidates Candidates, Form Form)? Match(List<TextToken> tokens, int first, int count)
    {
        string Join(Func<TextToken, string> part, int upTo) =>
            string.Join(' ', Enumerable.Range(first, upTo).Select(k => part(tokens[k])));
        var last = tokens[first + count - 1];
        var prefix = count > 1 ? Join(t => t.Key, count - 1) + " " : "";
        var key = prefix + last.Key;
        if (_byName.TryGetValue(key, out var exact))
            return (exact, Form.Name);
        if (_byPlainName.TryGetValue(Join(t => t.Plain, count), out var plain))
            return (plain, Form.Name);
        if (key.Length >= 5)
        {
            if (key.EndsWith('s') && _byName.TryGetValue(key[..^1], out var genitive))
                return (genitive, Form.Genitive);
            if (key.EndsWith("es", StringComparison.Ordinal) && _byName.TryGetValue(key[..^2], out var genitiveEs))
                return (genitiveEs, Form.Genitive);
        }
        if (_demonyms.TryGetValue(key, out var demonym))
            return (demonym.Candidates, demonym.Adjective ? Form.Adjective : Form.Inhabitant);
        foreach (var ending in InhabitantEndings)
            if (key.EndsWith(ending, StringComparison.Ordinal) && _demonyms.TryGetValue(key[..^ending.Length], out var inhabitant) && !inhabitant.Adjective)
                return (inhabitant.Candidates, Form.Inhabitant);
        foreach (var ending in AdjectiveEndings)
            if (key.EndsWith(ending, StringComparison.Ordinal) && _demonyms.TryGetValue(key[..^ending.Length], out var adjective) && adjective.Adjective)
                return (adjective.Candidates, Form.Adjective);
        foreach (var ending in (string[])["ians", "ian"])
            if (key.EndsWith(ending, StringComparison.Ordinal) && key.Length - ending.Length >= 3 && _byName.TryGetValue(key[..^ending.Length], out var english))
                return (english, Form.EnglishAdjective);
        return null;
    }

    /// <summary>The matched words as written, whole: "Halle (Saale)" with its closing bracket, "Osnabrücker" without the soft hyphen.</summary>
    static string WordsOf(string text, List<TextToken> tokens, int first, int last)
    {
        var end = tokens[last].End;
        var span = text[tokens[first].Start..end];
        if (span.Count(c => c == '(') > span.Count(c => c == ')') && end < text.Length && text[end] == ')')
            span += ")";
        if (first == last)
            return tokens[first].Surface;
        var cleaned = new System.Text.StringBuilder(span.Length);
        var k = first;
        var position = tokens[first].Start;
        while (k <= last)
        {
            cleaned.Append(tokens[k].Surface);
            position = tokens[k].End;
            if (k < last)
                foreach (var ch in text.AsSpan(position, tokens[k + 1].Start - position))
                    cleaned.Append(ch is '\u00a0' or '\u2009' or '\u202f' ? ' ' : ch);
            k++;
        }
        if (span.EndsWith(')') && !cleaned.ToString().EndsWith(')'))
            cleaned.Append(')');
        return cleaned.ToString();
    }
}
