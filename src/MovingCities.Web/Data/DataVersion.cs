using Microsoft.EntityFrameworkCore;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MovingCities.Web.Data;

/// <summary>
/// Counts changes to public data, so prepared responses and cached pages know when to rebuild: changes saved in this
/// process at once, changes saved by any other process (another instance, the <c>import</c> command) when
/// <see cref="DataVersionWatcher"/> sees the <see cref="DataStamp.Token"/> they wrote.
/// </summary>
/// <remarks>
/// <see cref="Current"/> is this process's own count, for keys and comparisons inside it; what instances share is the
/// stamp in the database, written in the same transaction as the change. A change saved inside an explicit
/// transaction counts when that transaction commits: counted earlier, a request could rebuild from the data as it was
/// before and keep that as current.
/// </remarks>
public sealed class DataVersion : SaveChangesInterceptor, IDbTransactionInterceptor
{
    long _current;
    Guid _seen;
    readonly Lock _seenLock = new();

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

    /// <summary>A public change being saved: the token it stamps, and whether the rows were written.</summary>
    sealed class Pending(Guid? token)
    {
        public Guid? Token { get; } = token;
        public bool Written { get; set; }
    }

    /// <summary>Per context, the save in progress (decided before, counted after) or waiting for its commit.</summary>
    readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    void Remember(DbContext? context)
    {
        if (context is null)
            return;
        if (!ChangesPublicData(context))
        {
            // A save that changes nothing public must not drop a public one still waiting for its transaction.
            if (!_pending.TryGetValue(context, out var waiting) || !waiting.Written)
                _pending.Remove(context);
            return;
        }
        // Saved with the change or not at all, so the stamp never runs ahead of or behind the data.
        Guid? token = context.Model.FindEntityType(typeof(DataStamp)) is not null ? DataStamp.Stamp(context, DateTime.UtcNow) : null;
        _pending.AddOrUpdate(context, new Pending(token));
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
        Saved(eventData.Context, result);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void Saved(DbContext? context, int changedRows)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Written)
            return;
        if (changedRows == 0)
        {
            _pending.Remove(context);
            return;
        }
        pending.Written = true;
        // EF Core's own transaction is committed by now; one the caller opened is not, and counts at its commit.
        if (context.Database.CurrentTransaction is null)
            Count(context, pending);
    }

    void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && !pending.Written)
            _pending.Remove(context);
    }

    void Count(DbContext context, Pending pending)
    {
        _pending.Remove(context);
        lock (_seenLock)
        {
            if (pending.Token is { } token)
                _seen = token;
            Interlocked.Increment(ref _current);
        }
    }

    void IDbTransactionInterceptor.TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && pending.Written)
            Count(context, pending);
    }

    Task IDbTransactionInterceptor.TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        ((IDbTransactionInterceptor)this).TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
            _pending.Remove(context);
    }

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken)
    {
        ((IDbTransactionInterceptor)this).TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The stamp as another look at the database found it. A token this process did not write (or has not seen)
    /// means a change made elsewhere, and counts as one.
    /// </summary>
    /// <returns>Whether it counted as a change.</returns>
    public bool Observe(Guid token)
    {
        lock (_seenLock)
        {
            if (token == _seen)
                return false;
            _seen = token;
            Interlocked.Increment(ref _current);
            return true;
        }
    }
}
