using Microsoft.EntityFrameworkCore;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>
    /// Only the map's data counts: sign-ins (Identity's lockout counters) and history entries are saved through
    /// the same context but change nothing the public sees, and must not make the city layer rebuild. What is
    /// public is declared on the entities (<see cref="IPublicData"/>), not guessed from names.
    /// </summary>
    static bool ChangesPublicData(DbContext? context) => context is not null && context.ChangeTracker.Entries().Any(entry =>
        entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsPublic(entry.Metadata));

    public static bool IsPublic(IReadOnlyEntityType type) =>
        typeof(IPublicData).IsAssignableFrom(type.ClrType)
        // A skip navigation's join (NewsPostCity) has no class of its own: public when it joins public entities.
        || type.IsPropertyBag && type.GetForeignKeys().Any() && type.GetForeignKeys().All(key => IsPublic(key.PrincipalEntityType));

    /// <summary>Per context, whether the save in progress touches public data (decided before, counted after).</summary>
    readonly ConditionalWeakTable<DbContext, StrongBox<bool>> _pending = new();

    void Remember(DbContext? context)
    {
        if (context is null)
            return;
        var publicData = ChangesPublicData(context);
        _pending.AddOrUpdate(context, new StrongBox<bool>(publicData));
        // Saved with the change or not at all, so the date never runs ahead of or behind the data.
        if (publicData && context.Model.FindEntityType(typeof(DataStamp)) is not null)
            DataStamp.Stamp(context, DateTime.UtcNow);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Bump(eventData.Context, result);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    void Bump(DbContext? context, int changedRows)
    {
        if (context is null || !_pending.TryGetValue(context, out var publicData))
            return;
        _pending.Remove(context);
        if (changedRows > 0 && publicData.Value)
            Interlocked.Increment(ref _current);
    }
}
