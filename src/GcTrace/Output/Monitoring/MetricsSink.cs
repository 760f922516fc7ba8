// The per-event part of the metrics output: counters and the pause histogram move as each batch of cycles arrives.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// Tallies a batch on the sink's own thread and touches the shared series once per batch (<see cref="CycleTally"/>),
/// so exposition costs the pipe next to nothing. It sees the cycles the run's filter keeps, like every per-event sink.
/// </summary>
public sealed class MetricsSink(GcMetrics metrics) : IEventSink
{
    private readonly CycleTally tally = new(GcMetrics.StwBucketsS);
    private GcCycle? previous;

    public string Name => "metrics";

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
        {
            if (e is not GcCycle c) continue;
            tally.Add(c, restarted: previous is not null && CycleOrder.StartsNewSegment(previous, c));
            previous = c;
        }
        metrics.Add(tally);
        tally.Clear();
    }

    public void Complete(InputSummary counts) => metrics.SetInput(counts);
}
