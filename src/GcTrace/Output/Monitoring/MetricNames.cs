// The metric and label names of docs/output-contract.md ("Prometheus metrics"): dashboards and alerts depend on them.
namespace GcTrace.Output.Monitoring;

public static class MetricNames
{
    public const string GcCycles = "gctrace_gc_cycles_total";
    public const string GcForcedCycles = "gctrace_gc_forced_cycles_total";
    public const string StwPause = "gctrace_stw_pause_seconds";
    public const string GcCpu = "gctrace_gc_cpu_seconds_total";
    public const string AvailableCpu = "gctrace_available_cpu_seconds_total";
    public const string HeapLive = "gctrace_heap_live_bytes";
    public const string HeapGoal = "gctrace_heap_goal_bytes";
    public const string HeapLiveSlope = "gctrace_heap_live_slope_bytes_per_second";
    public const string Verdict = "gctrace_verdict";
    public const string VerdictConfidence = "gctrace_verdict_confidence";
    public const string InputLines = "gctrace_input_lines_total";
    public const string ProcessRestarts = "gctrace_process_restarts_total";

    public const string PartLabel = "part";
    public const string KindLabel = "kind";

    /// <summary>The <c>part</c> values of <see cref="GcCpu"/>; idle stays apart so a query can leave it out.</summary>
    public static class Parts
    {
        public const string Assist = "assist";
        public const string Background = "background";
        public const string Idle = "idle";
        public const string Stw = "stw";
    }

    /// <summary>The kinds of <see cref="Verdict"/> in the contract's order; the label is their contract name (ContractNames).</summary>
    public static readonly Diagnosis.VerdictKind[] VerdictKinds =
    [
        Diagnosis.VerdictKind.Leak, Diagnosis.VerdictKind.GcPressure, Diagnosis.VerdictKind.Healthy, Diagnosis.VerdictKind.Inconclusive,
    ];

    /// <summary>The <c>kind</c> values of <see cref="InputLines"/>, in the order <see cref="GcMetrics.SetInput"/> fills them.</summary>
    public static readonly string[] LineKinds = ["gc", "trace", "app", "unrecognized", "repaired"];

    /// <summary>Labels our series use themselves (and Prometheus reserves): a constant label may not take these names.</summary>
    public static readonly string[] Reserved = [PartLabel, KindLabel, "le", "quantile", "job"];
}
