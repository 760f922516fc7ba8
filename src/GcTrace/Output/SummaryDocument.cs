// The `--json` document: the analysis' summary blocks followed by the verdict, in the contract's key order.
using GcTrace.Analysis;
using GcTrace.Diagnosis;

namespace GcTrace.Output;

internal sealed record SummaryDocument(
    InputSummary Input,
    CycleSequenceSummary Gc,
    DistributionSummary StwMs,
    GcCpuSummary GcCpu,
    HeapSummary Heap,
    Verdict Verdict,
    IReadOnlyList<WhatIfEntry> WhatIf,
    TuningAdviceEntry? TuningAdvice)
{
    public static SummaryDocument Of(TraceDiagnosis d) =>
        new(d.Summary.Input, d.Summary.Gc, d.Summary.StwMs, d.Summary.GcCpu, d.Summary.Heap, d.Verdict, WhatIfEntry.Of(d.WhatIf), TuningAdviceEntry.Of(d.WhatIf));
}
