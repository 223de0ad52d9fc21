using System.Globalization;

namespace MovingCities.Web.Localization;

/// <summary>
/// What a rule says, as a text key of <c>Resources/EditorText*.resx</c> and its values: the rule stays in its
/// feature file and says the same thing everywhere, in the editor's language on the editor's forms
/// (<see cref="In"/>, <see cref="InCurrentLanguage"/>) and in English where the API, the files' readers and the
/// command line report it (<see cref="English"/>). Numbers among the values are formatted by the text
/// (<c>{0:N0}</c>) in the language's culture: 200.000 in German, 200,000 in English.
/// </summary>
public sealed class Message(string key, params object[] values)
{
    public string Key { get; } = key;
    public IReadOnlyList<object> Values { get; } = values;

    /// <summary>The message in a language of the site.</summary>
    public string In(string lang) => Texts.Editor.Get(Key, lang, [.. Values]);

    /// <summary>The message in the request's language (the editor's, on the editor's pages).</summary>
    public string InCurrentLanguage() => In(SiteLanguages.Current);

    /// <summary>As the API, the files' readers and the command line say it: English, whatever the machine's culture.</summary>
    public string English => In("en");

    /// <summary>The values as text without a language's formatting, for a script to put into its own text.</summary>
    public IReadOnlyList<string> InvariantValues => Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToList();

    public override string ToString() => English;
}
