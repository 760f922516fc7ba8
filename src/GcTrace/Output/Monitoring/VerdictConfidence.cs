// The verdict's confidence as a number for gctrace_verdict_confidence (documented in docs/output-contract.md).
using GcTrace.Diagnosis;

namespace GcTrace.Output.Monitoring;

public static class VerdictConfidence
{
    /// <summary>
    /// low 0.33, medium 0.67, high 1: the three levels spread evenly over (0, 1], so "confidence &gt;= 0.5" reads as
    /// "at least medium" in an alert.
    /// </summary>
    public static double Value(Confidence level) => level switch
    {
        Confidence.High => 1.0,
        Confidence.Medium => 0.67,
        _ => 0.33,
    };
}
