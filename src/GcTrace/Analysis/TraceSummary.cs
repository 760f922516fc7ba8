// Everything the analyzers found in a trace: what a verdict rule decides from. Analysis stops here; no verdict.
namespace GcTrace.Analysis;

public sealed record TraceSummary(
    InputSummary Input,
    CycleSequenceSummary Gc,
    DistributionSummary StwMs,
    GcCpuSummary GcCpu,
    HeapSummary Heap);
