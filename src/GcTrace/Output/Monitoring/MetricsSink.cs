// The per-event part of the metrics output: counters and the pause histogram move as cycles arrive.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// A few lock-free additions per gc line and nothing per other event, so exposition costs the pipe nothing measurable.
/// The cycle totals see every cycle, like the summary's <c>gc</c> block; pauses, cpu and heap only the cycles the
/// run's filter accepts, like its <c>stw_ms</c>, <c>gc_cpu</c> and <c>heap</c> blocks.
/// </summary>
public sealed class MetricsSink(GcMetrics metrics, CycleFilter filter) : IEventSink
{
    private GcCycle? previous;

    public string Name => "metrics";

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
        {
            if (e is not GcCycle c) continue;
            metrics.CountCycle(c, restarted: previous is not null && CycleOrder.StartsNewSegment(previous, c));
            previous = c;
            if (filter.Accepts(c)) metrics.AddCycle(c);
        }
    }

    public void Complete(InputSummary counts) => metrics.SetInput(counts);
}
