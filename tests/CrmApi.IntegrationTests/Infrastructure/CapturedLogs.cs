using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OutlookCrm.CrmApi.IntegrationTests.Infrastructure;

/// <summary>
/// Every log entry of a host, at every level and of every category: its formatted message, the values of its
/// structured state and its exception, as any log sink could store them.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Text)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Text)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue((category, LogLevel.Trace, $"scope: {Describe(state)}"));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, $"{formatter(state, exception)} | {Describe(state)} | {exception}"));

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(value => $"{value.Key}={value.Value}"))
            : state?.ToString() ?? "";
    }
}
