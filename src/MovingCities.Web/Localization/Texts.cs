using System.Collections;
using System.Globalization;
using System.Resources;
using MovingCities.Web.Resources;

namespace MovingCities.Web.Localization;

/// <summary>
/// A resource file's texts in a language that need not be the request's: the other language's name in the switch,
/// a feed's title for <c>/en/news.atom</c>, every text of the map's scripts for the page to hand over.
/// Pages use <c>IStringLocalizer&lt;Strings&gt;</c>, which reads the same files.
/// </summary>
public sealed class Texts
{
    readonly ResourceManager _resources;

    Texts(Type resource) => _resources = new ResourceManager(resource.FullName!, resource.Assembly);

    /// <summary>The site's texts (<c>Resources/Strings*.resx</c>).</summary>
    public static readonly Texts Site = new(typeof(Strings));

    /// <summary>The map explorer's texts (<c>Resources/MapText*.resx</c>), handed to its scripts by the page.</summary>
    public static readonly Texts Map = new(typeof(MapText));

    /// <summary>The editors' texts (<c>Resources/EditorText*.resx</c>): the editor area, its scripts and the rules' messages.</summary>
    public static readonly Texts Editor = new(typeof(EditorText));

    /// <summary>The text for <paramref name="key"/> in a language (English where a translation is missing), formatted with <paramref name="values"/>.</summary>
    public string Get(string key, string lang, params object?[] values)
    {
        var culture = SiteLanguages.Culture(lang);
        var text = _resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No text '{key}' in {_resources.BaseName}.");
        return values.Length == 0 ? text : string.Format(culture, text, values);
    }

    /// <summary>The text for <paramref name="key"/> in a language, or null when no file has that key.</summary>
    public string? Find(string key, string lang) => _resources.GetString(key, SiteLanguages.Culture(lang));

    /// <summary>Every key, from the neutral (English) file.</summary>
    public IEnumerable<string> Keys() =>
        _resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal);

    /// <summary>Every text in a language, key by key, as the map's scripts receive them.</summary>
    public IReadOnlyDictionary<string, string> All(string lang) => Keys().ToDictionary(key => key, key => Get(key, lang));

    /// <summary>The texts whose keys start with <paramref name="prefix"/>, unformatted (placeholders left for a script).</summary>
    public IReadOnlyDictionary<string, string> Starting(string prefix, string lang) =>
        Keys().Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(key => key, key => Get(key, lang));
}
