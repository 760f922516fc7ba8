// The whole `--json` summary. Property names become the contract's snake_case keys (see JsonSummaryWriter).
namespace GcTrace.Analysis;

public sealed record TraceSummary(
    InputSummary Input,
    CycleSequenceSummary Gc,
    DistributionSummary StwMs,
    GcCpuSummary GcCpu,
    HeapSummary Heap,
    Verdict Verdict);
