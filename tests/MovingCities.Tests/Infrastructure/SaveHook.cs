using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovingCities.Tests.Infrastructure;

/// <summary>
/// Lets a test run something between a request's checks and its write: once armed, runs the test's action just
/// before the app begins the transaction of a save that matches, then disarms. Inert unless armed.
/// </summary>
/// <remarks>
/// It runs before the transaction starts, not in <c>SavingChanges</c>: the app's transactions are
/// <c>BEGIN IMMEDIATE</c>, so once one has begun, a write through a second connection would wait for it and the
/// request would wait for that write.
/// </remarks>
public sealed class SaveHook : DbTransactionInterceptor
{
    sealed record Armed(Func<DbContext, bool> When, Func<Task> Action);

    Armed? _armed;
    int _ran;

    /// <summary>How often an armed action has run (0 or 1 per <see cref="Once"/>).</summary>
    public int Ran => Volatile.Read(ref _ran);

    /// <param name="when">Which save: e.g. the context tracks a modified post.</param>
    /// <param name="action">What "another editor" does meanwhile, e.g. through <see cref="TestApp.WithDb{T}"/>.</param>
    public void Once(Func<DbContext, bool> when, Func<Task> action)
    {
        Volatile.Write(ref _ran, 0);
        Volatile.Write(ref _armed, new Armed(when, action));
    }

    /// <summary>Whether <paramref name="context"/> is about to save a change of a <typeparamref name="T"/>.</summary>
    public static bool Saves<T>(DbContext context, EntityState state) =>
        context.ChangeTracker.Entries().Any(e => e.Entity is T && e.State == state);

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _armed) is { } armed && eventData.Context is { } context && armed.When(context)
            && Interlocked.CompareExchange(ref _armed, null, armed) == armed)
        {
            await armed.Action();
            Interlocked.Increment(ref _ran);
        }
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result) =>
        TransactionStartingAsync(connection, eventData, result).AsTask().GetAwaiter().GetResult();
}
