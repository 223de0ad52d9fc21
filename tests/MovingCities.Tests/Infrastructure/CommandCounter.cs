using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MovingCities.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands the app's DbContext sends, with their text, so a test can say a request was answered
/// without the database. Counts every command of the host, whichever request or background work sends it.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    readonly ConcurrentQueue<string> _commands = new();

    public int Count => _commands.Count;

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
        _commands.Enqueue(result.CommandText);
        return result;
    }
}
