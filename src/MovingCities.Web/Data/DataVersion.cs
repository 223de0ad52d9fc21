using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovingCities.Web.Data;

/// <summary>
/// Counts saved changes in this process, so prepared responses know when to rebuild.
/// </summary>
/// <remarks>
/// Only writes through this app's DbContext are seen; the <c>import</c> command runs in its own process, so a
/// server that is already running serves the old city layer until its next write or restart.
/// </remarks>
public sealed class DataVersion : SaveChangesInterceptor
{
    long _current;

    public long Current => Interlocked.Read(ref _current);

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Bump(result);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bump(result);
        return ValueTask.FromResult(result);
    }

    void Bump(int changedRows)
    {
        if (changedRows > 0)
            Interlocked.Increment(ref _current);
    }
}
