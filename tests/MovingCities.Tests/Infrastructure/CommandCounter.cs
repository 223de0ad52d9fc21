using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MovingCities.Web.Data;

namespace MovingCities.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the app's DbContext sends, with their text, so a test can say a request was answered
/// without the database. Counts every command of the host, whichever request or background work sends it, except
/// the <see cref="DataVersionWatcher"/>'s read once a second: it runs on its own clock and would land inside any
/// window that happens to span a tick (as it did on a loaded CI machine).
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    readonly ConcurrentQueue<string> _commands = new();

    int _watcherReads;

    public int Count => _commands.Count;

    /// <summary>How many of the watcher's tagged reads were left out of <see cref="Count"/>.</summary>
    public int WatcherReads => Volatile.Read(ref _watcherReads);

    /// <summary>The commands sent since <paramref name="mark"/> (a <see cref="Count"/> read earlier).</summary>
    public string[] Since(int mark) => _commands.Skip(mark).ToArray();

    /// <summary>The commands <paramref name="action"/> caused.</summary>
    public async Task<string[]> During(Func<Task> action)
    {
        var mark = Count;
        await action();
        return Since(mark);
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (result.CommandText.StartsWith("-- " + DataVersionWatcher.QueryTag, StringComparison.Ordinal))
            Interlocked.Increment(ref _watcherReads);
        else
            _commands.Enqueue(result.CommandText);
        return result;
    }
}
