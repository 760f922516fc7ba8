// One `gc N @...` summary line: every field the runtime printed, with its unit in its name.
namespace GcTrace.Events;

/// <summary>
/// A GC cycle as printed by <c>GODEBUG=gctrace=1</c>. Times are decimal so that values keep exactly the digits
/// the runtime printed (it truncates to at most 3 decimals) and sums such as <see cref="StwTotalMs"/> stay exact.
/// Heap sizes are the runtime's "MB", which is MiB floored.
/// </summary>
public sealed record GcCycle(
    long Line,
    GcFormat Format,
    long Number,
    decimal StartS,
    int CpuPercent,
    bool LeakCheck,
    decimal StwSweepTermMs,
    decimal MarkMs,
    decimal StwMarkTermMs,
    decimal CpuStwSweepTermMs,
    decimal CpuAssistMs,
    decimal CpuBackgroundMs,
    decimal CpuIdleMs,
    decimal CpuStwMarkTermMs,
    long HeapStartMb,
    long HeapEndMb,
    long HeapLiveMb,
    long HeapGoalMb,
    long? StacksMb,
    long? GlobalsMb,
    int Procs,
    bool Forced) : TraceEvent(Line)
{
    public override string Kind => "gc";

    /// <summary>go1.5 only: clock phase 2, concurrent root scan.</summary>
    public decimal? RootScanMs { get; init; }

    /// <summary>go1.5 only: clock phase 3, the stop-the-world that installs the write barrier.</summary>
    public decimal? InstallWriteBarrierMs { get; init; }

    /// <summary>go1.5 only: cpu value 2, root scan.</summary>
    public decimal? CpuRootScanMs { get; init; }

    /// <summary>go1.5 only: cpu value 3, always 0 in the runtime.</summary>
    public decimal? CpuInstallWriteBarrierMs { get; init; }

    /// <summary>True when the line was reassembled after other output was written into it.</summary>
    public bool Repaired { get; init; }

    /// <summary>Concurrent clock time: the mark phase (go1.5: root scan + mark).</summary>
    public decimal ConcurrentMs => MarkMs + (RootScanMs ?? 0m);

    /// <summary>All stop-the-world clock phases (go1.6+: first + last; go1.5: phases 1 + 3 + 5).</summary>
    public decimal StwTotalMs => StwSweepTermMs + StwMarkTermMs + (InstallWriteBarrierMs ?? 0m);

    /// <summary>All GC cpu time of the cycle, in ms.</summary>
    public decimal CpuTotalMs =>
        CpuStwSweepTermMs + CpuAssistMs + CpuBackgroundMs + CpuIdleMs + CpuStwMarkTermMs
        + (CpuRootScanMs ?? 0m) + (CpuInstallWriteBarrierMs ?? 0m);
}
