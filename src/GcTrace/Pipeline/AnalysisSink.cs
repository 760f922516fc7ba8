// Feeds the streaming analyzer from the sink seam, with optional filters (--min-stw, --since/--until, forced).
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output;

namespace GcTrace.Pipeline;

public sealed class AnalysisSink(TraceAnalyzer analyzer, Func<GcCycle, bool>? filter = null) : IEventSink
{
    public string Name => "analysis";

    public TraceAnalyzer Analyzer => analyzer;

    /// <summary>The most recent cycle, for the live status line.</summary>
    public GcCycle? Last { get; private set; }

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
        {
            if (e is not GcCycle c || (filter is not null && !filter(c))) continue;
            analyzer.Add(c);
            Last = c;
        }
    }

    public void Complete(InputSummary counts)
    {
    }
}
