// One cycle's GC cpu split the way the summary and the metrics report it: stw, assist, background, idle.
namespace GcTrace.Analysis;

using GcTrace.Events;

/// <summary>
/// go1.5 only: root scan ran concurrently on GC workers (background); installing the write barrier was stop-the-world
/// and its cpu is always printed as 0 (spec §1.4). Later formats map one to one.
/// </summary>
public readonly record struct GcCpuParts(decimal StwMs, decimal AssistMs, decimal BackgroundMs, decimal IdleMs)
{
    public static GcCpuParts Of(GcCycle cycle) => new(
        cycle.CpuStwSweepTermMs + cycle.CpuStwMarkTermMs + (cycle.CpuInstallWriteBarrierMs ?? 0m),
        cycle.CpuAssistMs,
        cycle.CpuBackgroundMs + (cycle.CpuRootScanMs ?? 0m),
        cycle.CpuIdleMs);
}
