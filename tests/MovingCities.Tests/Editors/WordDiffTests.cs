using MovingCities.Web.History;

namespace MovingCities.Tests.Editors;

public class WordDiffTests
{
    static string Show(IEnumerable<DiffPart> parts) => string.Concat(parts.Select(p => p.Kind switch
    {
        DiffKind.Removed => $"[-{p.Text}]",
        DiffKind.Added => $"[+{p.Text}]",
        _ => p.Text,
    }));

    static string Old(IEnumerable<DiffPart> parts) => string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.Text));
    static string New(IEnumerable<DiffPart> parts) => string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text));

    [Theory]
    [InlineData("Der Rat hat heute beschlossen.", "Der Rat hat gestern beschlossen.", "Der Rat hat [-heute][+gestern] beschlossen.")]
    [InlineData("Bochum hilft.", "Bochum und Regensburg helfen.", "Bochum [-hilft][+und Regensburg helfen].")]
    [InlineData("", "Neu.", "[+Neu.]")]
    [InlineData("Weg.", "", "[-Weg.]")]
    [InlineData("Gleich.", "Gleich.", "Gleich.")]
    [InlineData("Halle (Saale) hilft", "Halle (Saale) half", "Halle (Saale) [-hilft][+half]")]
    public void Words_that_changed_are_marked_and_the_rest_reads_as_before(string before, string after, string expected)
    {
        var parts = WordDiff.Of(before, after);
        Assert.Equal(expected, Show(parts));
        Assert.Equal(before, Old(parts));
        Assert.Equal(after, New(parts));
    }

    [Fact]
    public void Text_across_lines_keeps_its_line_breaks()
    {
        var parts = WordDiff.Of("Erste Zeile\nZweite Zeile", "Erste Zeile\nDritte Zeile");
        Assert.Equal("Erste Zeile\n[-Zweite][+Dritte] Zeile", Show(parts));
    }

    [Fact]
    public void A_change_in_a_long_text_shows_with_some_context_not_the_whole_text()
    {
        var words = Enumerable.Range(1, 500).Select(i => $"Wort{i}").ToList();
        var before = string.Join(' ', words);
        words[250] = "Geändert";
        var parts = WordDiff.Shorten(WordDiff.Of(before, string.Join(' ', words)));
        var shown = Show(parts);
        Assert.Contains("[-Wort251][+Geändert]", shown);
        Assert.Contains("Wort250", shown);
        Assert.Contains("Wort252", shown);
        Assert.StartsWith("… ", shown);
        Assert.EndsWith(" …", shown);
        Assert.True(shown.Length < 300, shown);
    }
}
