// GC cpu time over available cpu time (wall time x P) across the trace, overall and per time window.
namespace GcTrace.Analysis;

using GcTrace.Events;

/// <summary>
/// Available cpu between two cycles is the time between their starts times the later cycle's P (GOMAXPROCS at that
/// cycle's start, spec §1.5), so a GOMAXPROCS change is weighted by how long it held. A segment ends at its last
/// cycle's start plus that cycle's clock time. The runtime's U% is not used: it is cumulative since program start.
/// </summary>
public sealed class GcCpuAnalyzer
{
    /// <summary>The default window: fine enough to see a burst, coarse enough to hold several cycles.</summary>
    public const decimal DefaultWindowS = 10m;

    /// <summary>The default bound on windows; beyond it neighbouring windows merge.</summary>
    public const int DefaultMaxWindows = 256;

    private readonly TraceClock clock = new();
    private readonly MergingWindows<CpuWindow> windows;
    private decimal availableMs;
    private decimal stwMs;
    private decimal assistMs;
    private decimal backgroundMs;
    private decimal idleMs;
    private GcCycle? previous;
    private decimal previousElapsedS;
    private int? runtimeCpuPctLast;

    public GcCpuAnalyzer(decimal windowS = DefaultWindowS, int maxWindows = DefaultMaxWindows)
    {
        windows = new MergingWindows<CpuWindow>(windowS, maxWindows, static () => new CpuWindow());
    }

    public void Add(GcCycle cycle)
    {
        var elapsed = clock.Advance(cycle);
        if (previous is not null)
        {
            if (clock.NewSegment)
            {
                // The previous run ended with its last cycle; count that cycle's own clock time.
                AddAvailable(previousElapsedS, previousElapsedS + CycleOrder.ClockS(previous), previous.Procs);
            }
            else
            {
                AddAvailable(previousElapsedS, elapsed, cycle.Procs);
            }
        }

        // go1.5 only: root scan ran concurrently on GC workers (background); installing the write barrier was
        // stop-the-world and its cpu is always printed as 0 (spec §1.4).
        stwMs += cycle.CpuStwSweepTermMs + cycle.CpuStwMarkTermMs + (cycle.CpuInstallWriteBarrierMs ?? 0m);
        assistMs += cycle.CpuAssistMs;
        backgroundMs += cycle.CpuBackgroundMs + (cycle.CpuRootScanMs ?? 0m);
        idleMs += cycle.CpuIdleMs;

        var window = windows.At(elapsed);
        window.GcMs += cycle.CpuTotalMs;
        window.AssistMs += cycle.CpuAssistMs;
        window.BackgroundMs += cycle.CpuBackgroundMs + (cycle.CpuRootScanMs ?? 0m);
        window.IdleMs += cycle.CpuIdleMs;
        window.Cycles++;

        previous = cycle;
        previousElapsedS = elapsed;
        runtimeCpuPctLast = cycle.CpuPercent;
    }

    /// <summary>The totals so far. Does not change the analyzer, so it can be called mid-stream.</summary>
    public GcCpuSummary Summarize()
    {
        // The last cycle's own clock time closes the span; it is added here, not stored, until a next cycle comes.
        var tailMs = previous is null ? 0m : CycleOrder.ClockS(previous) * 1000m * previous.Procs;
        var available = availableMs + tailMs;
        var gc = stwMs + assistMs + backgroundMs + idleMs;

        var list = new List<GcCpuWindow>(windows.Windows.Count);
        var lastIndex = previous is null ? -1 : IndexOfLast();
        for (var i = 0; i < windows.Windows.Count; i++)
        {
            var w = windows.Windows[i];
            var windowAvailable = w.AvailableMs + (i == lastIndex ? tailMs : 0m);
            list.Add(new GcCpuWindow(windows.StartOf(i), windows.WidthS, w.Cycles, Ratio(w.GcMs, windowAvailable))
            {
                AssistFraction = Ratio(w.AssistMs, windowAvailable),
                BackgroundFraction = Ratio(w.BackgroundMs, windowAvailable),
                IdleFraction = Ratio(w.IdleMs, windowAvailable),
            });
        }

        return new GcCpuSummary(
            Ratio(gc, available),
            Ratio(assistMs, available),
            Ratio(backgroundMs, available),
            Ratio(idleMs, available),
            Ratio(stwMs, available),
            gc,
            available,
            runtimeCpuPctLast,
            list);
    }

    private int IndexOfLast() => (int)decimal.Floor(previousElapsedS / windows.WidthS);

    private void AddAvailable(decimal fromS, decimal toS, int procs)
    {
        if (toS <= fromS)
        {
            return;
        }

        availableMs += (toS - fromS) * 1000m * procs;

        // Make the grid wide enough for the interval's end first, so no merge happens while it is split.
        windows.At(toS);
        var t = fromS;
        while (t < toS)
        {
            var end = Math.Min(toS, windows.EndOf(t));
            windows.At(t).AvailableMs += (end - t) * 1000m * procs;
            t = end;
        }
    }

    // Six decimals: cpu parts have at most two significant digits each, so more would be noise.
    private static double? Ratio(decimal part, decimal whole) =>
        whole <= 0m ? null : Math.Round((double)(part / whole), 6);
}
