using Microsoft.EntityFrameworkCore;
using MovingCities.Web.Editors;

namespace MovingCities.Web.Data;

/// <summary>
/// When and which public data last changed, in one row (<see cref="SingleId"/>) that <see cref="DataVersion"/> stamps
/// in the same save as the change: editors' edits on any instance, accepted proposals, <c>import</c>, the seed. Pages
/// show its day as „Stand der Daten“; every instance watches its <see cref="Token"/> to learn of changes made by
/// other processes. The migration that made the table put the row in, dated by the newest recorded change.
/// </summary>
/// <remarks>Not public data itself: stamping it must not count as another change.</remarks>
public class DataStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public DateTime ChangedAtUtc { get; set; }

    /// <summary>
    /// New with every public change. A fresh random value rather than a counter: two instances saving at once need
    /// no read-modify-write to make it differ, and "not what I saw last" is all a watcher asks.
    /// </summary>
    public Guid Token { get; set; }

    /// <summary>Puts the time and a new token into the unit of work a public change is saved in.</summary>
    /// <returns>The token written.</returns>
    internal static Guid Stamp(DbContext context, DateTime nowUtc)
    {
        var stamp = context.ChangeTracker.Entries<DataStamp>().FirstOrDefault()?.Entity;
        if (stamp is null)
        {
            stamp = new DataStamp { Id = SingleId };
            context.Attach(stamp);
        }
        stamp.ChangedAtUtc = nowUtc;
        stamp.Token = Guid.NewGuid();
        context.Entry(stamp).Property(s => s.ChangedAtUtc).IsModified = true;
        context.Entry(stamp).Property(s => s.Token).IsModified = true;
        return stamp.Token;
    }
}

/// <summary>The day public data last changed, read once per <see cref="DataVersion"/>, in the editors' time zone.</summary>
public sealed class DataAsOf(DataVersion dataVersion, IServiceScopeFactory scopes, EditorTime time)
{
    sealed record Day(DateOnly? Value);

    readonly PreparedPerVersion<Day> _day = new(dataVersion, scopes, async (db, cancellationToken) =>
    {
        var changed = await db.Set<DataStamp>().AsNoTracking().Where(s => s.Id == DataStamp.SingleId)
            .Select(s => (DateTime?)s.ChangedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new Day(changed is { } utc ? DateOnly.FromDateTime(time.Local(utc)) : null);
    });

    /// <summary>The day, or null in a database that has never held public data.</summary>
    public async Task<DateOnly?> GetAsync(CancellationToken cancellationToken = default) => (await _day.GetAsync(cancellationToken)).Value;
}
