// The verdict's confidence level as a number for gctrace_verdict_confidence (documented in docs/output-contract.md).
namespace GcTrace.Output.Monitoring;

public static class VerdictConfidence
{
    /// <summary>
    /// low 0.33, medium 0.67, high 1: the three levels spread evenly over (0, 1], so "confidence &gt;= 0.5" reads as
    /// "at least medium" in an alert. 0 is for a level this version does not know.
    /// </summary>
    public static double Value(string level) => level switch
    {
        "low" => 0.33,
        "medium" => 0.67,
        "high" => 1.0,
        _ => 0,
    };
}
