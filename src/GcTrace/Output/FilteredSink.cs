// Wraps a sink so that it sees only the gc cycles a CycleFilter accepts (other trace events pass unchanged).
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output;

public sealed class FilteredSink(IEventSink inner, CycleFilter filter) : IEventSink
{
    public string Name => inner.Name;

    public void Write(IReadOnlyList<TraceEvent> batch) =>
        inner.Write(filter.IsNone ? batch : batch.Where(e => e is not GcCycle c || filter.Accepts(c)).ToList());

    public void Complete(InputSummary counts) => inner.Complete(counts);
}
