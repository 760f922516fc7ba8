// What the analysis knows that the per-cycle series does not: percentiles, trend, regimes, windows, profiles.
namespace GcTrace.Output.Charts;

/// <summary>
/// Filled by the caller from the analysis results; every member is optional, so a chart simply leaves out what
/// is not given. Times are trace time in seconds, on the same base as <see cref="ChartSeries"/>.
/// </summary>
public sealed record ChartAnnotations
{
    public static ChartAnnotations None { get; } = new();

    /// <summary>Nearest-rank median of <c>stw_total_ms</c>.</summary>
    public decimal? StwP50Ms { get; init; }

    /// <summary>Nearest-rank 99th percentile of <c>stw_total_ms</c>.</summary>
    public decimal? StwP99Ms { get; init; }

    /// <summary>
    /// How many cycles had each distinct <c>stw_total_ms</c>. The runtime truncates pauses to two significant
    /// digits below 10 ms and whole ms above, so this stays small however long the trace is.
    /// </summary>
    public IReadOnlyDictionary<decimal, long> StwCounts { get; init; } = new Dictionary<decimal, long>();

    /// <summary>Least-squares slope of heap_live_mb against trace time, in MB per minute.</summary>
    public double? LiveSlopeMbPerMin { get; init; }

    /// <summary>The same fit's value at trace time 0, in MB, so the trend line can be drawn.</summary>
    public double? LiveInterceptMb { get; init; }

    /// <summary>Trace times where a new process's output starts.</summary>
    public IReadOnlyList<double> RestartsS { get; init; } = [];

    /// <summary>Stretches where the runtime ran at its memory limit (GOMEMLIMIT) rather than at GOGC's goal.</summary>
    public IReadOnlyList<TimeRange> MemoryLimitRegimes { get; init; } = [];

    /// <summary>GC CPU per analysis window, in time order.</summary>
    public IReadOnlyList<GcCpuWindow> GcCpu { get; init; } = [];

    /// <summary>The GC cost share (fraction, without idle) above which the diagnosis calls it gc-pressure.</summary>
    public double? GcPressureThreshold { get; init; }

    /// <summary>inuse_space per allocation site across heap-profile snapshots; empty when no profiles were read.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LeakSample>> LeakSites { get; init; } =
        new Dictionary<string, IReadOnlyList<LeakSample>>();
}
