// What a run produces at its end: the analysis' summary and the verdict Diagnosis drew from it.
using GcTrace.Analysis;
using GcTrace.Tuning;

namespace GcTrace.Diagnosis;

public sealed record TraceDiagnosis(TraceSummary Summary, Verdict Verdict)
{
    /// <summary>The what-if predictions (--what-if) and tuning advice (gc-pressure), when either was made.</summary>
    public WhatIfResult? WhatIf { get; init; }
}
