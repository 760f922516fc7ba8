// The `stw_ms` block of the summary: nearest-rank percentiles of a series (null when it is empty).
namespace GcTrace.Analysis;

public sealed record DistributionSummary(
    long Count,
    decimal? P50,
    decimal? P90,
    decimal? P95,
    decimal? P99,
    decimal? P999,
    decimal? Max,
    decimal? Mean,
    decimal Total);
