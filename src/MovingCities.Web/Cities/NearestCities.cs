namespace MovingCities.Web.Cities;

/// <summary>
/// Cities sorted by their distance from a point (<c>near=lon,lat&amp;limit=n</c>): nearest first, equal distances
/// in the order given (slug order). One pass ranks them by <see cref="Distance.ChordSquared"/> (no trigonometry per
/// city); with a limit only that many are kept while scanning (a bounded heap: O(n log limit)), and only those get
/// their distance in km.
/// </summary>
public static class NearestCities
{
    public static IReadOnlyList<(CitySummary City, double Km)> Of(IEnumerable<PreparedCity> cities, Nearness near)
    {
        var here = new Distance.Position(near.Longitude, near.Latitude);
        if (near.Limit is not { } limit)
        {
            var all = cities.Select((city, index) => (city, Rank: Distance.ChordSquared(here, city.Position), index)).ToArray();
            Array.Sort(all, (a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.index.CompareTo(b.index));
            return all.Select(c => (c.city.Summary, Distance.KmOfChordSquared(c.Rank))).ToArray();
        }

        // The farthest kept so far on top: a closer city replaces it.
        var kept = new PriorityQueue<PreparedCity, (double Rank, int Index)>(limit + 1, Farthest.First);
        var i = 0;
        foreach (var city in cities)
        {
            var rank = (Distance.ChordSquared(here, city.Position), i++);
            if (kept.Count < limit)
                kept.Enqueue(city, rank);
            else if (kept.TryPeek(out _, out var farthest) && Farthest.First.Compare(rank, farthest) > 0)
                kept.EnqueueDequeue(city, rank);
        }
        var nearest = new (CitySummary City, double Rank, int Index)[kept.Count];
        var n = 0;
        while (kept.TryDequeue(out var city, out var priority))
            nearest[n++] = (city.Summary, priority.Rank, priority.Index);
        return nearest.OrderBy(c => c.Rank).ThenBy(c => c.Index).Select(c => (c.City, Distance.KmOfChordSquared(c.Rank))).ToArray();
    }

    /// <summary>Orders (rank, index) farthest first, so the heap's top is the one to drop.</summary>
    sealed class Farthest : IComparer<(double Rank, int Index)>
    {
        public static readonly Farthest First = new();

        public int Compare((double Rank, int Index) a, (double Rank, int Index) b) =>
            a.Rank != b.Rank ? b.Rank.CompareTo(a.Rank) : b.Index.CompareTo(a.Index);
    }
}
