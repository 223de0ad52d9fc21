using System.Net;
using System.Text;
using System.Text.Json;

namespace MovingCities.Tests.Robustness;

/// <summary>
/// What people and attackers type: the Big List of Naughty Strings (TestData/blns, MIT) plus the cases a review
/// found breaking the app (emoji, lone surrogates, decomposed accents, right-to-left marks, NUL, very long text).
/// </summary>
public static class NaughtyStrings
{
    static readonly string[] Extra =
    [
        "😀", "kon😀", "𝕂onstanz", "🇩🇪🇨🇭", "👩‍👩‍👧‍👦", "Osnabru\u0308ck", "\u200F\u202EKonstanz", "\u202Eznatsnok", "\0", "Kon\0stanz",
        "\uD800", "a\uDC00b", "\uD83D", "\uFFFE", "Ｋｏｎ", "كون", "東京", " ", "\u3000", "\t\r\n", "../../etc/passwd", "%00", "{display:none}",
        "body{display:none}", "'; DROP TABLE Cities; --", "<img src=x onerror=alert(1)>", new string('x', 10_000), new string('ä', 3_000),
    ];

    public static IReadOnlyList<string> All { get; } = Load();

    static string[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "blns", "blns.json");
        var list = JsonSerializer.Deserialize<string[]>(File.ReadAllText(path))!;
        return [.. list.Where(s => s.Length > 0), .. Extra];
    }

    /// <summary>
    /// A smaller set for slow paths (form posts that write): every extra case and every eighth list entry, which
    /// still covers each section of the list (SQL, scripts, RTL, emoji, Zalgo, numbers).
    /// </summary>
    public static IReadOnlyList<string> Sample { get; } = [.. All.Where((s, i) => i % 8 == 0 || Extra.Contains(s)).Distinct()];

    /// <summary>
    /// Percent-encoding as a browser does it: UTF-8, a lone surrogate becoming U+FFFD (Uri.EscapeDataString would
    /// throw instead).
    /// </summary>
    public static string Encode(string value) => WebUtility.UrlEncode(value);

    /// <summary>A form body encoded the same way.</summary>
    public static ByteArrayContent Form(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var body = string.Join("&", fields.Select(f => $"{Encode(f.Key)}={Encode(f.Value)}"));
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        return content;
    }

    /// <summary>For messages: short, with invisible characters shown as code points.</summary>
    public static string Show(string value)
    {
        var shown = new StringBuilder();
        foreach (var ch in value.Length > 40 ? value[..40] + "…" : value)
            shown.Append(char.IsControl(ch) || char.IsSurrogate(ch) || ch is '\u200F' or '\u202E' ? $"\\u{(int)ch:X4}" : ch.ToString());
        return $"\"{shown}\" ({value.Length} chars)";
    }
}
