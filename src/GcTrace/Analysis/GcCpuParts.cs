// One cycle's GC cpu split the way the summary and the metrics report it: stw, assist, background, idle.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// go1.5 only: root scan ran concurrently on GC workers (background); installing the write barrier was stop-the-world
/// and its cpu is always printed as 0 (gctrace-format.md §1.4). Later formats map one to one. In <see cref="Exact"/> units, so a
/// caller per cycle adds longs, not decimals.
/// </summary>
internal readonly record struct GcCpuParts(Exact Stw, Exact Assist, Exact Background, Exact Idle)
{
    public static GcCpuParts Of(GcCycle cycle)
    {
        var stw = Exact.Of(cycle.CpuStwSweepTermMs) + Exact.Of(cycle.CpuStwMarkTermMs);
        if (cycle.CpuInstallWriteBarrierMs is { } barrier) stw += Exact.Of(barrier);
        var background = Exact.Of(cycle.CpuBackgroundMs);
        if (cycle.CpuRootScanMs is { } rootScan) background += Exact.Of(rootScan);
        return new GcCpuParts(stw, Exact.Of(cycle.CpuAssistMs), background, Exact.Of(cycle.CpuIdleMs));
    }
}
