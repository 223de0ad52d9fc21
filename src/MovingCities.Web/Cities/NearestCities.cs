namespace MovingCities.Web.Cities;

/// <summary>
/// Cities sorted by their distance from a point (<c>near=lon,lat&amp;limit=n</c>): nearest first, equal distances
/// in the order given (slug order). One pass over the positions ranks them by <see cref="Distance.ChordSquared"/>
/// (no trigonometry per city). With a limit only that many are kept while scanning (a bounded heap: O(n log
/// limit)), and whether a city passes the filters is asked only when it is nearer than the farthest kept so far,
/// so the cities themselves are rarely visited. Only the kept ones get their distance in km.
/// </summary>
public static class NearestCities
{
    /// <param name="positions">positions[i] is cities[i]'s.</param>
    /// <param name="keeps">Whether the filters keep a city.</param>
    public static IReadOnlyList<(CitySummary City, double Km)> Of(
        PreparedCity[] cities, Distance.Position[] positions, Nearness near, Func<PreparedCity, bool> keeps)
    {
        var here = new Distance.Position(near.Longitude, near.Latitude);
        if (near.Limit is not { } limit)
        {
            var all = new List<(double Rank, int Index)>();
            for (var i = 0; i < cities.Length; i++)
                if (keeps(cities[i]))
                    all.Add((Distance.ChordSquared(here, positions[i]), i));
            all.Sort(NearestFirst);
            return all.Select(c => (cities[c.Index].Summary, Distance.KmOfChordSquared(c.Rank))).ToArray();
        }

        // The farthest kept so far on top: a nearer city that the filters keep replaces it.
        var kept = new PriorityQueue<int, (double Rank, int Index)>(limit + 1, Farthest.First);
        var farthest = (Rank: double.PositiveInfinity, Index: int.MaxValue);
        for (var i = 0; i < positions.Length; i++)
        {
            var rank = (Distance.ChordSquared(here, positions[i]), i);
            if (kept.Count == limit && NearestFirst(rank, farthest) >= 0)
                continue;
            if (!keeps(cities[i]))
                continue;
            if (kept.Count < limit)
                kept.Enqueue(i, rank);
            else
                kept.EnqueueDequeue(i, rank);
            if (kept.Count == limit)
                kept.TryPeek(out _, out farthest);
        }
        var nearest = new List<(double Rank, int Index)>(kept.Count);
        while (kept.TryDequeue(out _, out var priority))
            nearest.Add(priority);
        nearest.Sort(NearestFirst);
        return nearest.Select(c => (cities[c.Index].Summary, Distance.KmOfChordSquared(c.Rank))).ToArray();
    }

    static int NearestFirst((double Rank, int Index) a, (double Rank, int Index) b) =>
        a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Index.CompareTo(b.Index);

    /// <summary>Orders (rank, index) farthest first, so the heap's top is the one to drop.</summary>
    sealed class Farthest : IComparer<(double Rank, int Index)>
    {
        public static readonly Farthest First = new();

        public int Compare((double Rank, int Index) a, (double Rank, int Index) b) => NearestFirst(b, a);
    }
}
