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

    // The four go1.5-only values live in one sub-record that only go1.5 lines allocate: as four decimal? fields they were
    // ~96 of the ~360 bytes of every cycle, allocated and zeroed on the parse thread for each gc line of a modern log.
    private Go15Phases? go15;

    /// <summary>go1.5 only: clock phase 2, concurrent root scan.</summary>
    public decimal? RootScanMs
    {
        get => go15?.RootScanMs;
        init => go15 = Go15() with { RootScanMs = value };
    }

    /// <summary>go1.5 only: clock phase 3, the stop-the-world that installs the write barrier.</summary>
    public decimal? InstallWriteBarrierMs
    {
        get => go15?.InstallWriteBarrierMs;
        init => go15 = Go15() with { InstallWriteBarrierMs = value };
    }

    /// <summary>go1.5 only: cpu value 2, root scan.</summary>
    public decimal? CpuRootScanMs
    {
        get => go15?.CpuRootScanMs;
        init => go15 = Go15() with { CpuRootScanMs = value };
    }

    /// <summary>go1.5 only: cpu value 3, always 0 in the runtime.</summary>
    public decimal? CpuInstallWriteBarrierMs
    {
        get => go15?.CpuInstallWriteBarrierMs;
        init => go15 = Go15() with { CpuInstallWriteBarrierMs = value };
    }

    private Go15Phases Go15() => go15 ?? Go15Phases.None;

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

/// <summary>The go1.5-only values of a <see cref="GcCycle"/>; records, so cycles still compare by value.</summary>
internal sealed record Go15Phases
{
    public static readonly Go15Phases None = new();

    public decimal? RootScanMs { get; init; }
    public decimal? InstallWriteBarrierMs { get; init; }
    public decimal? CpuRootScanMs { get; init; }
    public decimal? CpuInstallWriteBarrierMs { get; init; }
}
