// Everything the analyzers found in a trace: what a verdict rule decides from. Analysis stops here; no verdict.
namespace GcTrace.Analysis;

public sealed record TraceSummary(
    InputSummary Input,
    CycleSequenceSummary Gc,
    DistributionSummary StwMs,
    GcCpuSummary GcCpu,
    HeapSummary Heap)
{
    /// <summary>One summary per process when the gc lines of several processes interleave (see ProcessAnalyses);
    /// empty otherwise.</summary>
    public IReadOnlyList<TraceSummary> Processes { get; init; } = [];
}
