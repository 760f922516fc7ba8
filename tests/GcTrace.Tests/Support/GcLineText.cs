// Prints a GcCycle back the way the runtime prints it (gctrace-format.md §1.4), so tests can check every field against the text.
using System.Globalization;
using GcTrace.Events;

namespace GcTrace.Tests.Support;

public static class GcLineText
{
    public static string Of(GcCycle c)
    {
        static string D(decimal v) => v.ToString(CultureInfo.InvariantCulture);
        var head = $"gc {c.Number} @{D(c.StartS)}s {c.CpuPercent}%{(c.LeakCheck ? " (checking for goroutine leaks)" : "")}: ";
        var clock = c.Format == GcFormat.Go15
            ? $"{D(c.StwSweepTermMs)}+{D(c.RootScanMs!.Value)}+{D(c.InstallWriteBarrierMs!.Value)}+{D(c.MarkMs)}+{D(c.StwMarkTermMs)}"
            : $"{D(c.StwSweepTermMs)}+{D(c.MarkMs)}+{D(c.StwMarkTermMs)}";
        var cpu = c.Format == GcFormat.Go15
            ? $"{D(c.CpuStwSweepTermMs)}+{D(c.CpuRootScanMs!.Value)}+{D(c.CpuInstallWriteBarrierMs!.Value)}+{D(c.CpuAssistMs)}/{D(c.CpuBackgroundMs)}/{D(c.CpuIdleMs)}+{D(c.CpuStwMarkTermMs)}"
            : $"{D(c.CpuStwSweepTermMs)}+{D(c.CpuAssistMs)}/{D(c.CpuBackgroundMs)}/{D(c.CpuIdleMs)}+{D(c.CpuStwMarkTermMs)}";
        var scan = c.Format == GcFormat.Go118 ? $"{c.StacksMb} MB stacks, {c.GlobalsMb} MB globals, " : "";
        return $"{head}{clock} ms clock, {cpu} ms cpu, {c.HeapStartMb}->{c.HeapEndMb}->{c.HeapLiveMb} MB, {c.HeapGoalMb} MB goal, {scan}{c.Procs} P{(c.Forced ? " (forced)" : "")}";
    }
}
