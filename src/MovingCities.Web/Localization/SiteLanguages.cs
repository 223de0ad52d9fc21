using System.Globalization;

namespace MovingCities.Web.Localization;

/// <summary>
/// The languages the site speaks, German first. A language is a two-letter code; its texts come from
/// <c>Resources/*.{code}.resx</c> (English is the neutral <c>Strings.resx</c>). Adding one is a translation job:
/// the build turns the new resource files into a satellite assembly, and its folder's name adds the language.
/// </summary>
public static class SiteLanguages
{
    /// <summary>Every language, German first (the default), then English, then any other by code.</summary>
    public static readonly IReadOnlyList<string> All = Discover();

    static string[] Discover()
    {
        var satellite = typeof(SiteLanguages).Assembly.GetName().Name + ".resources.dll";
        var translated = Directory.EnumerateDirectories(AppContext.BaseDirectory)
            .Select(Path.GetFileName)
            .Where(name => name is { Length: 2 } && File.Exists(Path.Combine(AppContext.BaseDirectory, name, satellite)))
            .Select(name => name!);
        return translated.Append("en").Distinct().OrderBy(code => code switch { "de" => 0, "en" => 1, _ => 2 }).ThenBy(code => code, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Where neither an earlier choice nor the browser says otherwise: most readers read German.</summary>
    public static string Default => All[0];

    /// <summary>Route value and route constraint name of the language segment (<c>/{lang:lang}/cities/{slug}</c>).</summary>
    public const string RouteKey = "lang";

    /// <summary>The cookie that remembers the language a visitor last read the site in.</summary>
    public const string CookieName = "mc-lang";

    public static bool IsSupported(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>Formats dates and numbers (the neutral culture: <c>de</c>, <c>en</c>).</summary>
    public static CultureInfo Culture(string code) => CultureInfo.GetCultureInfo(code);

    /// <summary>The language of the current request (set by <see cref="SiteLocalization"/>).</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var code && IsSupported(code) ? code : Default;

    /// <summary>The language a path starts with (<c>/de/news</c> → de), or null for an address without one.</summary>
    public static string? OfPath(PathString path) => OfPath(path.Value);

    /// <inheritdoc cref="OfPath(PathString)"/>
    public static string? OfPath(string? value)
    {
        if (value is null || value.Length < 3 || value[0] != '/')
            return null;
        var end = value.IndexOf('/', 1);
        var segment = end < 0 ? value[1..] : value[1..end];
        return IsSupported(segment) ? segment : null;
    }

    /// <summary>The other languages' codes, for hreflang alternates and the switch.</summary>
    public static IEnumerable<string> Others(string code) => All.Where(c => c != code);
}

/// <summary>Matches a supported language code in a route (<c>{lang:lang}</c>).</summary>
public sealed class LanguageRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && SiteLanguages.IsSupported(value as string);
}
