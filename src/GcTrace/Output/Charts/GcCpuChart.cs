// gc-cpu.png: the share of available CPU the GC used per window, split into stop-the-world, assist, background and
// idle, with the gc-pressure threshold.
using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GcTrace.Output.Charts;

internal static class GcCpuChart
{
    public const string FileName = "gc-cpu.png";

    /// <summary>
    /// The y axis reaches at least this far (percent): a fixed 0-1% axis left low-GC charts an empty band, while
    /// fitting a 0.001% trace exactly would magnify rounding noise into tall bars.
    /// </summary>
    public const double MinAxisTopPercent = 0.1;

    /// <summary>Headroom above the tallest window, so its top is not cut by the frame.</summary>
    private const double Headroom = 1.15;

    /// <summary>
    /// The threshold pulls the axis up to show itself only when the data reach this share of it; above a trace at 0.05%
    /// a 10% line would flatten every window to the floor, so then it is named in the legend as off the scale instead.
    /// </summary>
    private const double ShowThresholdFromShare = 0.25;

    public static readonly Color StwColor = Color.FromHex("#6a3d9a");
    public static readonly Color IdleColor = Color.FromHex("#c7c7c7");
    public static readonly Color ThresholdColor = Color.FromHex("#b2182b");

    public static Plot Build(ChartAnnotations annotations, ChartOptions options)
    {
        Plot plot = ChartStyle.NewPlot("GC CPU per window", "trace time (s)", "share of available CPU");
        IReadOnlyList<GcCpuWindow> windows = Fit(annotations.GcCpu, options.Width);
        if (windows.Count == 0)
        {
            ChartStyle.NoData(plot, "no GC CPU windows to show");
            return plot;
        }

        // Stacked from the bottom: stop-the-world (every P stopped), then assist (the application's own goroutines
        // paid it), background workers, and idle workers last and grey: they used Ps nothing else wanted.
        Layer(plot, windows, w => 0, w => w.Stw, "stop-the-world", StwColor);
        Layer(plot, windows, w => w.Stw, w => w.Stw + w.Assist, "mutator assist", ChartStyle.P99);
        Layer(plot, windows, w => w.Stw + w.Assist, w => w.Cost, "background workers", ChartStyle.Pause);
        Layer(plot, windows, w => w.Cost, w => w.Total, "idle workers", IdleColor);

        double dataTop = windows.Max(w => w.Total) * 100;
        double top = Math.Max(dataTop * Headroom, MinAxisTopPercent);
        if (annotations.GcPressureThreshold is double threshold)
        {
            double t = threshold * 100;
            bool onScale = dataTop >= t * ShowThresholdFromShare;
            if (onScale) top = Math.Max(top, t * Headroom);
            var line = plot.Add.HorizontalLine(t, 2f, ThresholdColor, LinePattern.Dashed);
            line.LegendText = onScale
                ? $"gc-pressure threshold {Percent(t)} (GC cost without idle)"
                : $"gc-pressure threshold {Percent(t)} (above this axis)";
        }
        plot.Axes.SetLimitsY(0, top);
        plot.Axes.Left.TickGenerator = new NumericAutomatic { LabelFormatter = Percent, TickDensity = 0.5 };
        ChartStyle.TimeAxis(plot, windows[0].StartS, windows[^1].EndS);
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    /// <summary>Tick and legend labels carry the % sign: "(%)" over 0-1 ticks read like a fraction.</summary>
    private static string Percent(double percent) =>
        percent < -1e-12 ? "" : percent.ToString(Math.Abs(percent) >= 10 ? "0.#" : "0.###", CultureInfo.InvariantCulture) + "%";

    private static void Layer(Plot plot, IReadOnlyList<GcCpuWindow> windows, Func<GcCpuWindow, double> low,
        Func<GcCpuWindow, double> high, string label, Color color)
    {
        // Each window is a flat step from its start to its (true) end. Between windows that do not touch, the step goes
        // down to zero: drawn straight across, a gap looked like a ramp of GC work nobody measured.
        var xs = new List<double>(windows.Count * 2);
        var lows = new List<double>(windows.Count * 2);
        var highs = new List<double>(windows.Count * 2);
        void Point(double x, double lo, double hi) { xs.Add(x); lows.Add(lo); highs.Add(hi); }
        for (int i = 0; i < windows.Count; i++)
        {
            GcCpuWindow w = windows[i];
            if (i > 0 && w.StartS > windows[i - 1].EndS)
            {
                Point(windows[i - 1].EndS, 0, 0);
                Point(w.StartS, 0, 0);
            }
            Point(w.StartS, low(w) * 100, high(w) * 100);
            Point(w.EndS, low(w) * 100, high(w) * 100);
        }
        var fill = plot.Add.FillY(xs.ToArray(), lows.ToArray(), highs.ToArray());
        fill.FillColor = color.WithAlpha(0.85);
        fill.LineWidth = 0;
        fill.LegendText = label;
    }

    /// <summary>
    /// More windows than pixel columns cannot be seen: merge neighbours, weighting each by its duration, so the
    /// drawn shares stay the true shares of the merged span.
    /// </summary>
    private static IReadOnlyList<GcCpuWindow> Fit(IReadOnlyList<GcCpuWindow> windows, int width)
    {
        if (windows.Count <= width) return windows;
        int group = (windows.Count + width - 1) / width;
        var merged = new List<GcCpuWindow>(width);
        for (int start = 0; start < windows.Count; start += group)
        {
            int end = Math.Min(start + group, windows.Count);
            double span = 0, assist = 0, background = 0, idle = 0, stw = 0;
            for (int i = start; i < end; i++)
            {
                double d = Math.Max(windows[i].EndS - windows[i].StartS, 0);
                span += d;
                assist += windows[i].Assist * d;
                background += windows[i].Background * d;
                idle += windows[i].Idle * d;
                stw += windows[i].Stw * d;
            }
            span = span > 0 ? span : 1;
            merged.Add(new GcCpuWindow(windows[start].StartS, windows[end - 1].EndS,
                assist / span, background / span, idle / span, stw / span));
        }
        return merged;
    }
}
