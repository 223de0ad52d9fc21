namespace MovingCities.Web.Cities;

/// <summary>
/// Cities sorted by their distance from a point (<c>near=lon,lat&amp;limit=n</c>): nearest first, equal distances
/// in the order given (slug order). With a limit only that many are kept while scanning (a bounded heap, so
/// O(n log limit) over the cities); distances come from <see cref="Distance"/>.
/// </summary>
public static class NearestCities
{
    public static IReadOnlyList<(CitySummary City, double Km)> Of(IEnumerable<PreparedCity> cities, Nearness near)
    {
        var here = new Distance.Position(near.Longitude, near.Latitude);
        var all = cities as IReadOnlyList<PreparedCity> ?? cities.ToList();
        if (near.Limit is not { } limit)
        {
            var km = new double[all.Count];
            var order = new int[all.Count];
            for (var i = 0; i < all.Count; i++)
            {
                km[i] = Distance.Km(here, all[i].Position);
                order[i] = i;
            }
            Array.Sort(order, (a, b) => km[a] != km[b] ? km[a].CompareTo(km[b]) : a.CompareTo(b));
            return order.Select(i => (all[i].Summary, km[i])).ToArray();
        }

        // The farthest kept so far on top: a closer city replaces it.
        var kept = new PriorityQueue<int, (double Km, int Index)>(limit + 1, Farthest.First);
        for (var i = 0; i < all.Count; i++)
        {
            var km = Distance.Km(here, all[i].Position);
            if (kept.Count < limit)
                kept.Enqueue(i, (km, i));
            else if (kept.TryPeek(out _, out var farthest) && Farthest.First.Compare((km, i), farthest) > 0)
                kept.EnqueueDequeue(i, (km, i));
        }
        var nearest = new (CitySummary City, double Km, int Index)[kept.Count];
        var n = 0;
        while (kept.TryDequeue(out var index, out var priority))
            nearest[n++] = (all[index].Summary, priority.Km, index);
        return nearest.OrderBy(c => c.Km).ThenBy(c => c.Index).Select(c => (c.City, c.Km)).ToArray();
    }

    /// <summary>Orders (km, index) farthest first, so the heap's top is the one to drop.</summary>
    sealed class Farthest : IComparer<(double Km, int Index)>
    {
        public static readonly Farthest First = new();

        public int Compare((double Km, int Index) a, (double Km, int Index) b) =>
            a.Km != b.Km ? b.Km.CompareTo(a.Km) : b.Index.CompareTo(a.Index);
    }
}
