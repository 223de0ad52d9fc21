using System.Globalization;
using System.Text;
using System.Text.Json;
using MovingCities.Web.Tagging;

namespace MovingCities.Tests.Tagging;

/// <summary>
/// The labelled tagging corpus (TestData/tagging, a copy of the project's shared dev corpus) and its figures, defined
/// as the corpus documentation and its measuring script define them: labels are slugs or gazetteer:&lt;name&gt;[|CC];
/// recall = required labels suggested / required; open precision = correct / all suggested; a case passes when
/// nothing required is missed and no trap (mustNot) is suggested. Ambiguous cases (metonymy) are left out of the
/// figures. Every suggestion counts, certain or not.
/// </summary>
public sealed class TaggingCorpus
{
    public sealed record Case(string Id, string Lang, string[] Phenomena, string Text, string[] Must, string[] MustNot, bool Ambiguous);

    public sealed record Result(Case Case, string[] Predicted, string[] Missed, string[] WrongStrict, string[] WrongOpen, int Correct)
    {
        public bool Passes => Missed.Length == 0 && WrongStrict.Length == 0;
    }

    public sealed class Figures
    {
        public int Cases, Passed, Must, Correct, FalseOpen, FalseStrict;
        public double Recall => Must == 0 ? 1 : (double)Correct / Must;
        public double OpenPrecision => Correct + FalseOpen == 0 ? 1 : (double)Correct / (Correct + FalseOpen);

        public void Add(Result r)
        {
            Cases++;
            if (r.Passes)
                Passed++;
            Must += r.Case.Must.Length;
            Correct += r.Correct;
            FalseOpen += r.WrongOpen.Length;
            FalseStrict += r.WrongStrict.Length;
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"cases {Cases,3}  pass {100.0 * Passed / Math.Max(1, Cases),5:0.0}%  recall {Recall,5:0.000} ({Correct}/{Must})  " +
            $"P-open {OpenPrecision,5:0.000} (FP {FalseOpen})  FP-strict {FalseStrict}");
    }

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "tagging");

    public static IReadOnlyList<Case> Load(string file = "tagging-dev.json") => LoadFile(Path.Combine(Folder, file));

    /// <summary>A corpus file in the tagging corpus format (cases with lang, phenomena, text, must, mustNot, ambiguous; also read by bench/tag-corpus.sh).</summary>
    public static IReadOnlyList<Case> LoadFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        static string[] Strings(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        return document.RootElement.EnumerateArray().Select(e => new Case(
            e.GetProperty("id").GetString()!, e.TryGetProperty("lang", out var l) ? l.GetString()! : "?", Strings(e, "phenomena"),
            e.GetProperty("text").GetString()!, Strings(e, "must").Select(Normalize).ToArray(), Strings(e, "mustNot").Select(Normalize).ToArray(),
            e.TryGetProperty("ambiguous", out var a) && a.ValueKind == JsonValueKind.True)).ToList();
    }

    /// <summary>Known failures: case id → why it still fails (TestData/tagging/known-failures.tsv).</summary>
    public static IReadOnlyDictionary<string, string> KnownFailures() =>
        File.ReadLines(Path.Combine(Folder, "known-failures.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2)).ToDictionary(f => f[0], f => f.Length > 1 ? f[1] : "");

    public static Result Run(TagSuggester suggester, Case c)
    {
        var suggestions = suggester.Suggest(c.Text);
        var predicted = suggestions.SelectMany(LabelsOf).ToHashSet(StringComparer.Ordinal);
        var missed = c.Must.Where(m => !predicted.Contains(m)).ToArray();
        var wrongStrict = c.MustNot.Where(predicted.Contains).ToArray();
        // Open false positives: every suggestion that answers to no required label.
        var wrongOpen = suggestions.Where(s => !LabelsOf(s).Any(c.Must.Contains)).Select(Label).ToArray();
        return new Result(c, suggestions.Select(s => $"{Label(s)}{(s.Certain ? "" : "?")}[{string.Join("; ", s.Words)}]").ToArray(),
            missed, wrongStrict, wrongOpen, c.Must.Length - missed.Length);
    }

    static string Label(TagSuggestion s) => s.Slug ?? $"gazetteer:{s.Name}|{s.Country}";

    /// <summary>Every label a suggestion answers to: its slug, gazetteer:&lt;name&gt; and gazetteer:&lt;name&gt;|cc.</summary>
    static IEnumerable<string> LabelsOf(TagSuggestion s)
    {
        var name = "gazetteer:" + Fold(s.Name);
        if (s.Slug is not null)
            yield return s.Slug;
        yield return name;
        yield return $"{name}|{s.Country.ToLowerInvariant()}";
    }

    static string Normalize(string label) => label.StartsWith("gazetteer:", StringComparison.Ordinal) ? "gazetteer:" + Fold(label[10..]) : label;

    /// <summary>The measuring script's folding: NFD without marks, lower case, ß → ss.</summary>
    static string Fold(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (var ch in s.Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(ch) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                builder.Append(ch);
        return builder.ToString().ToLowerInvariant().Replace("ß", "ss");
    }

    /// <summary>Overall, per language and per phenomenon, over the unambiguous cases.</summary>
    public static (Figures Overall, SortedDictionary<string, Figures> Groups) Summarize(IEnumerable<Result> results)
    {
        var overall = new Figures();
        var groups = new SortedDictionary<string, Figures>(StringComparer.Ordinal);
        foreach (var r in results.Where(r => !r.Case.Ambiguous))
        {
            overall.Add(r);
            foreach (var group in r.Case.Phenomena.Prepend("lang:" + r.Case.Lang))
            {
                if (!groups.TryGetValue(group, out var figures))
                    groups[group] = figures = new Figures();
                figures.Add(r);
            }
        }
        return (overall, groups);
    }
}
