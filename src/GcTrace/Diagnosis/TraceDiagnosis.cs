// What a run produces at its end: the analysis' summary and the verdict Diagnosis drew from it.
namespace GcTrace.Diagnosis;

using GcTrace.Analysis;
using GcTrace.Tuning;

public sealed record TraceDiagnosis(TraceSummary Summary, Verdict Verdict)
{
    /// <summary>The what-if predictions (--what-if) and tuning advice (gc-pressure), when either was made.</summary>
    public WhatIfResult? WhatIf { get; init; }
}
