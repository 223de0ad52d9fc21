using DiffPlex;
using DiffPlex.Chunkers;

namespace MovingCities.Web.History;

public enum DiffKind { Same, Removed, Added }

/// <summary>A run of text that stayed, went or came.</summary>
public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>
/// What changed between two texts, word by word (DiffPlex's Myers diff over words, spaces and punctuation as their
/// own pieces): runs of same, removed and added text that read as the old text (same + removed) or the new one
/// (same + added).
/// </summary>
public static class WordDiff
{
    static readonly DelimiterChunker Words = new([' ', '\t', '\r', '\n', '\u00A0', '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '„', '“', '”', '«', '»', '*', '_', '#', '/']);

    public static IReadOnlyList<DiffPart> Of(string? before, string? after)
    {
        before ??= "";
        after ??= "";
        if (before == after)
            return before.Length == 0 ? [] : [new(DiffKind.Same, before)];
        var diff = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Words);
        var parts = new List<DiffPart>();
        void Add(DiffKind kind, IEnumerable<string> pieces)
        {
            var text = string.Concat(pieces);
            if (text.Length == 0)
                return;
            if (parts.Count > 0 && parts[^1].Kind == kind)
                parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
            else
                parts.Add(new(kind, text));
        }
        var at = 0;
        foreach (var block in diff.DiffBlocks)
        {
            Add(DiffKind.Same, diff.PiecesOld.Skip(at).Take(block.DeleteStartA - at));
            Add(DiffKind.Removed, diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffKind.Added, diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            at = block.DeleteStartA + block.DeleteCountA;
        }
        Add(DiffKind.Same, diff.PiecesOld.Skip(at));
        return parts;
    }

    /// <summary>
    /// Long unchanged runs cut to their ends (about <paramref name="context"/> characters before and after each change,
    /// at a space), joined by " … ", so a one-word change in a long text shows where it is without the whole text.
    /// </summary>
    public static IReadOnlyList<DiffPart> Shorten(IReadOnlyList<DiffPart> parts, int context = 80)
    {
        var shortened = new List<DiffPart>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var keepStart = i > 0 ? context : 0; // after a change
            var keepEnd = i < parts.Count - 1 ? context : 0; // before a change
            if (part.Kind != DiffKind.Same || part.Text.Length <= keepStart + keepEnd + 20 || parts.Count == 1)
            {
                shortened.Add(part);
                continue;
            }
            var head = keepStart == 0 ? "" : part.Text[..Cut(part.Text, keepStart, forward: true)].TrimEnd();
            var tail = keepEnd == 0 ? "" : part.Text[Cut(part.Text, part.Text.Length - keepEnd, forward: false)..].TrimStart();
            shortened.Add(part with { Text = (head.Length > 0 ? head + " " : "") + "…" + (tail.Length > 0 ? " " + tail : "") });
        }
        return shortened;
    }

    /// <summary>The nearest space at or beyond <paramref name="at"/> in the given direction (else <paramref name="at"/>).</summary>
    static int Cut(string text, int at, bool forward)
    {
        var space = forward ? text.IndexOf(' ', Math.Min(at, text.Length - 1)) : text.LastIndexOf(' ', Math.Max(at, 0));
        return space < 0 ? at : space;
    }
}
