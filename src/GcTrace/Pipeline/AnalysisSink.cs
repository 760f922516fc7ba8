// Feeds the streaming analyzer from the sink seam, and lets other threads (live status) read it safely.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Output;

namespace GcTrace.Pipeline;

public sealed class AnalysisSink(TraceAnalyzer analyzer) : IEventSink
{
    private readonly Lock gate = new();
    private GcCycle? last;

    public string Name => "analysis";

    public TraceAnalyzer Analyzer => analyzer;

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        lock (gate)
        {
            foreach (var e in batch)
            {
                if (e is not GcCycle c) continue;
                analyzer.Add(c);
                last = c;
            }
        }
    }

    public void Complete(InputSummary counts)
    {
    }

    /// <summary>A full summary and verdict taken between batches, for outputs that re-diagnose while input streams (metrics).</summary>
    public TraceDiagnosis Diagnose(IVerdictRule rule)
    {
        TraceSummary summary;
        lock (gate)
        {
            summary = analyzer.Summarize();
        }
        return new TraceDiagnosis(summary, rule.Decide(summary));
    }

    /// <summary>A consistent view for the live status line, taken between batches.</summary>
    public LiveSnapshot Snapshot()
    {
        lock (gate)
        {
            return new LiveSnapshot(analyzer.Pauses.Count, last, analyzer.Pauses.Percentile(99), analyzer.GcCpu().Fraction);
        }
    }
}

/// <summary>What the one-line live status shows.</summary>
public sealed record LiveSnapshot(long Cycles, GcCycle? Last, decimal? StwP99Ms, double? GcCpuFraction);
