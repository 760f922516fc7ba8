// Everything the analyzers found in a trace, before any verdict: what a verdict rule decides from.
namespace GcTrace.Analysis;

public sealed record TraceFindings(
    InputSummary Input,
    CycleSequenceSummary Gc,
    DistributionSummary StwMs,
    GcCpuSummary GcCpu,
    HeapSummary Heap);
