// Feeds every gc cycle to the what-if model's bounded buffer, beside the other sinks.
namespace GcTrace.Pipeline;

using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output;
using GcTrace.Tuning;

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
