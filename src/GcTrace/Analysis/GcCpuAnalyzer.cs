// GC cpu time over available cpu time (wall time x P) across the trace, overall and per time window.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// Available cpu between two cycles is the time between their starts times the later cycle's P (GOMAXPROCS at that
/// cycle's start, gctrace-format.md §1.5), so a GOMAXPROCS change is weighted by how long it held. A segment ends at its last
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
    // Exact sums (see Exact): the same decimals as decimal arithmetic, added in long arithmetic.
    private Exact availableMs;
    private Exact stwMs;
    private Exact assistMs;
    private Exact backgroundMs;
    private Exact idleMs;
    private GcCycle? previous;
    private Exact previousElapsed;
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
                AddAvailable(previousElapsed, previousElapsed + Exact.Of(CycleOrder.ClockS(previous)), previous.Procs);
            }
            else
            {
                AddAvailable(previousElapsed, elapsed, cycle.Procs);
            }
        }

        // go1.5 only: root scan ran concurrently on GC workers (background); installing the write barrier was
        // stop-the-world and its cpu is always printed as 0 (gctrace-format.md §1.4).
        var sweepTerm = Exact.Of(cycle.CpuStwSweepTermMs);
        var markTerm = Exact.Of(cycle.CpuStwMarkTermMs);
        var assist = Exact.Of(cycle.CpuAssistMs);
        var background = Exact.Of(cycle.CpuBackgroundMs);
        var idle = Exact.Of(cycle.CpuIdleMs);
        var stw = sweepTerm + markTerm;
        if (cycle.CpuInstallWriteBarrierMs is { } barrier) stw += Exact.Of(barrier);
        if (cycle.CpuRootScanMs is { } rootScan) background += Exact.Of(rootScan);
        stwMs += stw;
        assistMs += assist;
        backgroundMs += background;
        idleMs += idle;

        var window = windows.At(elapsed);
        // CpuTotalMs: every cpu value of the cycle (the go1.5 ones are in stw and background above).
        window.GcMs += stw + assist + background + idle;
        window.AssistMs += assist;
        window.BackgroundMs += background;
        window.IdleMs += idle;
        window.Cycles++;

        previous = cycle;
        previousElapsed = elapsed;
        runtimeCpuPctLast = cycle.CpuPercent;
    }

    /// <summary>The totals so far. Does not change the analyzer, so it can be called mid-stream.</summary>
    public GcCpuSummary Summarize()
    {
        // The last cycle's own clock time closes the span; it is added here, not stored, until a next cycle comes.
        var tailMs = previous is null ? 0m : CycleOrder.ClockS(previous) * 1000m * previous.Procs;
        var available = availableMs.ToDecimal() + tailMs;
        var gc = (stwMs + assistMs + backgroundMs + idleMs).ToDecimal();

        var list = new List<GcCpuWindow>(windows.Windows.Count);
        var lastIndex = previous is null ? -1 : IndexOfLast();
        for (var i = 0; i < windows.Windows.Count; i++)
        {
            var w = windows.Windows[i];
            var windowAvailable = w.AvailableMs.ToDecimal() + (i == lastIndex ? tailMs : 0m);
            list.Add(new GcCpuWindow(windows.StartOf(i), windows.WidthS, w.Cycles, Ratio(w.GcMs.ToDecimal(), windowAvailable))
            {
                AssistFraction = Ratio(w.AssistMs.ToDecimal(), windowAvailable),
                BackgroundFraction = Ratio(w.BackgroundMs.ToDecimal(), windowAvailable),
                IdleFraction = Ratio(w.IdleMs.ToDecimal(), windowAvailable),
                CostFraction = Ratio((w.GcMs - w.IdleMs).ToDecimal(), windowAvailable),
            });
        }

        return new GcCpuSummary(
            Ratio(gc, available),
            Ratio(assistMs.ToDecimal(), available),
            Ratio(backgroundMs.ToDecimal(), available),
            Ratio(idleMs.ToDecimal(), available),
            Ratio(stwMs.ToDecimal(), available),
            gc,
            available,
            runtimeCpuPctLast,
            list)
        {
            CostFraction = Ratio((stwMs + assistMs + backgroundMs).ToDecimal(), available),
        };
    }

    private int IndexOfLast() => windows.IndexOf(previousElapsed);

    // (to - from) x 1000 x P ms, split at window ends; decimal kept the larger scale of the two ends, and so does Exact.
    private void AddAvailable(Exact from, Exact to, int procs)
    {
        if (to.Units <= from.Units)
        {
            return;
        }

        availableMs += (to - from).Times(1000L * procs);

        // Make the grid wide enough for the interval's end first, so no merge happens while it is split.
        windows.At(to);
        var t = from;
        while (t.Units < to.Units)
        {
            // Math.Min(to, end) gave the window end when both were equal.
            var windowEnd = windows.EndOf(t);
            var end = to.Units < windowEnd.Units ? to : windowEnd;
            windows.At(t).AvailableMs += (end - t).Times(1000L * procs);
            t = end;
        }
    }

    // Six decimals: cpu parts have at most two significant digits each, so more would be noise.
    // A share of the available cpu cannot exceed all of it. It can come out above 1 only when the clock is not one
    // process's (interleaved processes, a clock going back, mixed formats): the available time is then undercounted.
    private static double? Ratio(decimal part, decimal whole) =>
        whole <= 0m ? null : Math.Min(1d, Math.Round((double)(part / whole), 6));
}
