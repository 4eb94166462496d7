using Serilog.Core;
using Serilog.Events;

namespace QeV.Worker.Tests.Support;

/// <summary>
/// The worker's log events in memory. Registered as an <see cref="ILogEventSink"/> service, the product's Serilog logger
/// (QevHost reads its sinks from the services too) writes every event here besides its own sinks.
/// </summary>
internal sealed class CapturedLog : ILogEventSink
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (_events)
        {
            _events.Add(logEvent);
        }
    }
}
