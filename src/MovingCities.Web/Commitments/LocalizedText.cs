using System.Text.Json.Serialization;

namespace MovingCities.Web.Commitments;

/// <summary>
/// A German and an English text, as the API and the geodata files give titles, descriptions and summaries. Either
/// may be missing (null): empty or whitespace-only text counts as missing and is stored as null. Written as JSON,
/// a missing language is left out (<c>{"en": "…"}</c>).
/// </summary>
public sealed record LocalizedText
{
    /// <summary>The languages content is written in, in the order a fallback tries them after the wanted one.</summary>
    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    /// <summary>No text in either language.</summary>
    public static readonly LocalizedText Empty = new(null, null);

    readonly string? _de, _en;

    public LocalizedText(string? de, string? en)
    {
        _de = Clean(de);
        _en = Clean(en);
    }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? De { get => _de; init => _de = Clean(value); }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? En { get => _en; init => _en = Clean(value); }

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(De) && string.IsNullOrWhiteSpace(En);

    /// <summary>Null when there is no text in either language, so "no summary" has one representation.</summary>
    public LocalizedText? OrNull() => IsEmpty ? null : this;

    /// <summary>The text in exactly that language (<c>de</c> or <c>en</c>), or null when it is missing.</summary>
    public string? Of(string lang) => lang switch
    {
        "de" => string.IsNullOrWhiteSpace(De) ? null : De,
        "en" => string.IsNullOrWhiteSpace(En) ? null : En,
        _ => null,
    };

    /// <summary>
    /// The text to show a reader of <paramref name="lang"/>: that language's text if there is one, else the other
    /// language's, together with the language it is in (so a page can mark it with <c>lang</c>). Null when
    /// there is no text at all.
    /// </summary>
    public (string Text, string Lang)? In(string lang)
    {
        if (Of(lang) is { } wanted)
            return (wanted, lang);
        foreach (var other in Languages)
            if (Of(other) is { } text)
                return (text, other);
        return null;
    }

    /// <summary>Like <see cref="In"/>, for a text that may be absent altogether.</summary>
    public static (string Text, string Lang)? In(LocalizedText? text, string lang) => text?.In(lang);

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
