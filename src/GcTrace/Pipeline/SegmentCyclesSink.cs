// Feeds every gc cycle to the what-if model's bounded buffer, beside the other sinks.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output;
using GcTrace.Tuning;

namespace GcTrace.Pipeline;

internal sealed class SegmentCyclesSink(SegmentCycles cycles) : IEventSink
{
    public string Name => "what-if";

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
        {
            if (e is GcCycle cycle)
            {
                cycles.Add(cycle);
            }
        }
    }

    public void Complete(InputSummary counts)
    {
    }
}
