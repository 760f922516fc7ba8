// Adapts the CSV writer to the sink seam: gc cycles become rows, other events are not CSV material.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output;

public sealed class CsvSink(Stream destination) : IEventSink, IDisposable
{
    private readonly CsvCycleWriter writer = new(destination);

    public string Name => "csv";

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
            if (e is GcCycle c) writer.Write(c);
    }

    public void Complete(InputSummary counts)
    {
        writer.Flush();
        destination.Flush();
    }

    public void Dispose() => writer.Dispose();
}
