using System.Globalization;
using MovingCities.Web.Commitments;
using MovingCities.Web.Localization;

namespace MovingCities.Web.Cities;

/// <summary>
/// The one order a city's commitments are read in, on its page and in the map's panel (which takes it from
/// <c>GET /api/cities/{slug}</c>): first where the city stands, one phrase per commitment type; then the commitments
/// newest first, grouped by year, the undated ones last. Each commitment gets an anchor on the city page.
/// </summary>
/// <remarks>
/// Partial dates sort as text, descending: within a year a known day or month comes before the bare year, which
/// could be any day of it. Equal dates keep the legend's order of types.
/// </remarks>
public static class CommitmentTimeline
{
    /// <summary>The commitments newest first, undated last; <paramref name="inLegendOrder"/> decides ties. Each gets its <see cref="CommitmentView.Anchor"/>.</summary>
    public static List<CommitmentView> Order(IReadOnlyList<CommitmentView> inLegendOrder)
    {
        var ordered = inLegendOrder
            .OrderBy(c => c.Date is null)
            .ThenByDescending(c => c.Date, StringComparer.Ordinal)
            .ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return ordered.Select(c => c with { Anchor = FreeAnchor(c, taken) }).ToList();
    }

    /// <summary>
    /// <c>commitment-{type}-{date}</c>, or <c>commitment-{type}</c> when undated: the same in both languages and
    /// unchanged when other commitments are added. Two of the same type and date are told apart by a number.
    /// </summary>
    static string FreeAnchor(CommitmentView commitment, HashSet<string> taken)
    {
        var anchor = commitment.Date is null ? $"commitment-{commitment.Type}" : $"commitment-{commitment.Type}-{commitment.Date}";
        var candidate = anchor;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{anchor}-{n}";
        return candidate;
    }

    /// <summary>Consecutive commitments of <see cref="Order"/> by the year of their date; null is the undated group, always last.</summary>
    public static IReadOnlyList<YearGroup> ByYear(IEnumerable<CommitmentView> ordered)
    {
        var groups = new List<YearGroup>();
        foreach (var commitment in ordered)
        {
            var year = CommitmentStatuses.Year(commitment.Date);
            if (groups.Count == 0 || groups[^1].Year != year)
                groups.Add(new YearGroup(year, []));
            groups[^1].Commitments.Add(commitment);
        }
        return groups;
    }

    /// <summary>
    /// Where the city stands on each commitment type it has an item of, in legend order. The newest dated item
    /// decides: a live one says since when (the earliest live year after the last revocation or rejection), a
    /// revoked or rejected one says when, and since when it had stood if an earlier item says so. A type with no
    /// dated item has its first item's status and no year.
    /// </summary>
    public static List<CommitmentStanding> Standings(IReadOnlyList<CommitmentView> inLegendOrder) =>
        inLegendOrder.GroupBy(c => c.Type).Select(type =>
        {
            var items = type.ToList();
            var dated = items.Where(c => CommitmentStatuses.Year(c.Date) is not null)
                // The newest last; on the same date a withdrawal is taken as what came after.
                .OrderBy(c => c.Date, StringComparer.Ordinal).ThenBy(c => !c.Status.IsLive())
                .ToList();
            if (dated.Count == 0)
                return new CommitmentStanding(type.Key, items[0].Title, items[0].Status, null, null);

            var newest = dated[^1];
            var withdrawn = !newest.Status.IsLive();
            // The run of items the standing speaks of: after the last withdrawal before the newest item.
            var until = withdrawn ? dated.Count - 1 : dated.Count;
            var from = until == 0 ? 0 : dated.FindLastIndex(until - 1, until, c => !c.Status.IsLive()) + 1;
            var since = dated.Skip(from).Take(until - from).Where(c => c.Status.IsLive()).Select(c => CommitmentStatuses.Year(c.Date)).FirstOrDefault();
            return new CommitmentStanding(type.Key, newest.Title, newest.Status, since, withdrawn ? CommitmentStatuses.Year(newest.Date) : null);
        }).ToList();

    /// <summary>
    /// A standing in words: „Erklärung zum Sicheren Hafen seit 2019 · 2024 aufgehoben“, "Sea rescue support since 2020",
    /// "Networking, announced 2015", "Sea rescue support: implemented" (undated).
    /// </summary>
    public static string Phrase(CommitmentStanding standing, string lang)
    {
        var title = standing.Title.In(lang)?.Text ?? standing.Type;
        var texts = Texts.Site;
        string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
        if (standing.Status.IsLive())
        {
            if (standing.Since is not { } since)
                return texts.Get("City.Standing.Undated", lang, title, texts.Get($"Status.{standing.Status}", lang));
            return standing.Status == CommitmentStatus.Announced
                ? texts.Get("City.Standing.Announced", lang, title, Year(since))
                : texts.Get("City.Standing.Since", lang, title, Year(since));
        }
        var head = standing.Since is { } stood ? texts.Get("City.Standing.Since", lang, title, Year(stood)) : title;
        var when = standing.Year is { } year ? texts.Get($"City.{standing.Status}In", lang, Year(year)) : texts.Get($"Status.{standing.Status}", lang);
        return $"{head} · {when}";
    }

    /// <summary>The phrase in both languages, for the API: the map's panel shows the reader's.</summary>
    public static LocalizedText Phrases(CommitmentStanding standing) => new(Phrase(standing, "de"), Phrase(standing, "en"));
}

/// <summary>The commitments of one year of a city's timeline; <see cref="Year"/> null for the undated ones.</summary>
public sealed record YearGroup(int? Year, List<CommitmentView> Commitments);

/// <summary>
/// Where a city stands on one commitment type: the status of its newest dated item (else its first item), since
/// when a live commitment stands, and the year of a revocation or rejection.
/// </summary>
public sealed record CommitmentStanding(string Type, LocalizedText Title, CommitmentStatus Status, int? Since, int? Year);
