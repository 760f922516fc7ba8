// The `heap` block of the summary: the live heap's level and trend, allocation, pacing.
namespace GcTrace.Analysis;

/// <summary>
/// Contract keys first (<c>live_mb_*</c>, <c>live_slope_mb_per_min</c>, <c>goal_mb_last</c>,
/// <c>alloc_rate_mb_per_s</c>, <c>inferred_gogc</c>), then the extras that make a trend believable: a robust slope,
/// the lower envelope and whether it rises, the GC frequency and signs of a memory limit. Null means "not enough
/// cycles to say".
/// </summary>
public sealed record HeapSummary(
    long? LiveMbFirst,
    long? LiveMbLast,
    long? LiveMbMin,
    long? LiveMbMax,
    double? LiveSlopeMbPerMin,
    long? GoalMbLast,
    double? AllocRateMbPerS,
    long? InferredGogc,
    double? RobustSlopeMbPerMin,
    double? EnvelopeSlopeMbPerMin,
    bool EnvelopeRising,
    IReadOnlyList<EnvelopePoint> Envelope,
    double? GcPerS,
    MemoryLimitSigns MemoryLimit)
{
    /// <summary>The least-squares line's live heap at trace time 0 (with the slope, the trend line a chart draws).</summary>
    public double? LiveInterceptMb { get; init; }
}
