using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MovingCities.Tests.Infrastructure;

/// <summary>Keeps every log entry at or above a level whose category starts with a prefix, to assert on.</summary>
public sealed class CapturedLogs(string categoryPrefix, LogLevel minimum) : ILoggerProvider
{
    readonly ConcurrentQueue<string> _entries = new();
    readonly string _prefix = categoryPrefix;
    readonly LogLevel _minimum = minimum;

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= owner._minimum && category.StartsWith(owner._prefix, StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner._entries.Enqueue($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
        }
    }
}
