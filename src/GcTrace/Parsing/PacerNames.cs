// The names a PacerEvent gives the numbers of each pacer line, shared by the grammar and the fast path so both spell them once.
using System.Text;

namespace GcTrace.Parsing;

/// <summary>Phases and snake_case field names (with units) of <see cref="Events.PacerEvent"/>, in print order per line shape.</summary>
internal static class PacerNames
{
    public const string Start = "start";
    public const string End = "end";
    public const string SweepDone = "sweep-done";

    // start of cycle
    public const string AssistRatio = "assist_ratio";
    public const string HeapScanMb = "heap_scan_mb";
    public const string HeapLiveMb = "heap_live_mb";
    public const string HeapGoalMb = "heap_goal_mb";
    public const string DedicatedWorkers = "dedicated_workers";
    public const string FractionalWorkers = "fractional_workers";

    // end of cycle, go1.18+
    public const string CpuPct = "cpu_pct";
    public const string ExpectedCpuPct = "expected_cpu_pct";
    public const string HeapScanWorkB = "heap_scan_work_b";
    public const string StackScanWorkB = "stack_scan_work_b";
    public const string GlobalsScanWorkB = "globals_scan_work_b";
    public const string ExpectedWorkB = "expected_work_b";
    public const string TriggerB = "trigger_b";
    public const string LiveB = "live_b";
    public const string GoalDeltaB = "goal_delta_b";
    public const string ConsMark = "cons_mark";

    // sweep done
    public const string HeapSizeMb = "heap_size_mb";
    public const string AllocatedMb = "allocated_mb";
    public const string SweptPages = "swept_pages";
    public const string PagesPerByte = "pages_per_byte";

    /// <summary>go1.5-1.17 end-of-cycle names as printed, mapped to snake_case with units; Δ is U+0394 here.</summary>
    public static readonly IReadOnlyDictionary<string, string> LegacyNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["H_m_prev"] = "heap_marked_prev_b",
        ["h_t"] = "trigger_ratio",
        ["H_T"] = "trigger_b",
        ["h_a"] = "actual_growth_ratio",
        ["H_a"] = "heap_actual_b",
        ["h_g"] = "goal_growth_ratio",
        ["H_g"] = "goal_b",
        ["u_a"] = "utilization_actual",
        ["u_g"] = "utilization_goal",
        ["W_a"] = "scan_work_b",
        ["goal\u0394"] = "goal_delta",
        ["actual\u0394"] = "actual_delta",
        ["u_a/u_g"] = "utilization_ratio",
    };

    /// <summary>How many names a legacy end line has; a longer line repeats one and is left to the grammar.</summary>
    public static int LegacyCount => LegacyNames.Count;

    // The printed names as UTF-8 bytes beside their snake_case name, for the byte fast path.
    private static readonly (byte[] Printed, string Name)[] LegacyUtf8 =
        [.. LegacyNames.Select(kv => (Encoding.UTF8.GetBytes(kv.Key), kv.Value))];

    /// <summary>The snake_case name of a legacy name printed as UTF-8, or null.</summary>
    public static string? Legacy(ReadOnlySpan<byte> printed)
    {
        foreach (var (bytes, name) in LegacyUtf8)
            if (printed.SequenceEqual(bytes)) return name;
        return null;
    }
}
