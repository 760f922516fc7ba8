// One row of the `--csv` output: the contract's columns, in the contract's order, named as the contract names them.
using CsvHelper;

namespace GcTrace.Output;
/// <summary>
/// A flat copy of <see cref="Events.GcCycle"/> for CsvHelper's source generator, which writes the members in
/// declaration order under their <see cref="CsvColumnAttribute"/> names, without reflection (Native AOT).
/// Decimals keep the digits the runtime printed: decimal's default format keeps its scale, so 0.010 stays "0.010".
/// </summary>
[CsvRecord]
internal sealed partial record CsvCycleRow
{
    [CsvColumn("cycle")] public long Cycle { get; init; }
    [CsvColumn("start_s")] public decimal StartS { get; init; }
    [CsvColumn("cpu_pct")] public int CpuPct { get; init; }
    [CsvColumn("stw_sweep_term_ms")] public decimal StwSweepTermMs { get; init; }
    [CsvColumn("concurrent_ms")] public decimal ConcurrentMs { get; init; }
    [CsvColumn("stw_mark_term_ms")] public decimal StwMarkTermMs { get; init; }
    [CsvColumn("stw_total_ms")] public decimal StwTotalMs { get; init; }
    [CsvColumn("cpu_stw_sweep_term_ms")] public decimal CpuStwSweepTermMs { get; init; }
    [CsvColumn("cpu_assist_ms")] public decimal CpuAssistMs { get; init; }
    [CsvColumn("cpu_background_ms")] public decimal CpuBackgroundMs { get; init; }
    [CsvColumn("cpu_idle_ms")] public decimal CpuIdleMs { get; init; }
    [CsvColumn("cpu_stw_mark_term_ms")] public decimal CpuStwMarkTermMs { get; init; }
    [CsvColumn("heap_start_mb")] public long HeapStartMb { get; init; }
    [CsvColumn("heap_end_mb")] public long HeapEndMb { get; init; }
    [CsvColumn("heap_live_mb")] public long HeapLiveMb { get; init; }
    [CsvColumn("heap_goal_mb")] public long HeapGoalMb { get; init; }
    [CsvColumn("stacks_mb")] public long? StacksMb { get; init; }
    [CsvColumn("globals_mb")] public long? GlobalsMb { get; init; }
    [CsvColumn("procs")] public int Procs { get; init; }
    [CsvColumn("forced")] public bool Forced { get; init; }
    [CsvColumn("leak_check")] public bool LeakCheck { get; init; }
    [CsvColumn("repaired")] public bool Repaired { get; init; }
}
