// Prints a GcCycle back the way the runtime prints it (gctrace-format.md §1.4), so tests can check every field against the text.
using System.Globalization;
using GcTrace.Events;

namespace GcTrace.Tests.Support;

public static class GcLineText
{
    /// <summary>The line, each number as the record holds it (a decimal keeps its printed scale: "0.20" stays "0.20").</summary>
    public static string Of(GcCycle c)
    {
        static string D(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        static string L(long v) => v.ToString(CultureInfo.InvariantCulture);
        string[] clock = c.Format == GcFormat.Go15
            ? [D(c.StwSweepTermMs), D(c.RootScanMs!.Value), D(c.InstallWriteBarrierMs!.Value), D(c.MarkMs), D(c.StwMarkTermMs)]
            : [D(c.StwSweepTermMs), D(c.MarkMs), D(c.StwMarkTermMs)];
        string[] cpu = c.Format == GcFormat.Go15
            ? [D(c.CpuStwSweepTermMs), D(c.CpuRootScanMs!.Value), D(c.CpuInstallWriteBarrierMs!.Value), D(c.CpuAssistMs),
                D(c.CpuBackgroundMs), D(c.CpuIdleMs), D(c.CpuStwMarkTermMs)]
            : [D(c.CpuStwSweepTermMs), D(c.CpuAssistMs), D(c.CpuBackgroundMs), D(c.CpuIdleMs), D(c.CpuStwMarkTermMs)];
        return GoRuntimeFormat.GcLineLayout(c.Format, L(c.Number), D(c.StartS), L(c.CpuPercent), c.LeakCheck, clock, cpu,
            [L(c.HeapStartMb), L(c.HeapEndMb), L(c.HeapLiveMb), L(c.HeapGoalMb)],
            c.Format == GcFormat.Go118 ? (L(c.StacksMb ?? 0), L(c.GlobalsMb ?? 0)) : null, L(c.Procs), c.Forced);
    }
}
