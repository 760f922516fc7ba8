// gc-cpu.png: the share of available CPU the GC used per window, split into assist, background and idle.
using ScottPlot;

namespace GcTrace.Output.Charts;

internal static class GcCpuChart
{
    public const string FileName = "gc-cpu.png";

    public static Plot Build(ChartAnnotations annotations, ChartOptions options)
    {
        Plot plot = ChartStyle.NewPlot("GC CPU per window", "trace time (s)", "share of available CPU (%)");
        IReadOnlyList<GcCpuWindow> windows = Fit(annotations.GcCpu, options.Width);
        if (windows.Count == 0)
        {
            ChartStyle.NoData(plot, "no GC CPU windows to show");
            return plot;
        }

        // Stacked from the bottom: assist is what the application's own goroutines paid, so it sits on the axis.
        Layer(plot, windows, w => 0, w => w.Assist, "mutator assist", ChartStyle.P99);
        Layer(plot, windows, w => w.Assist, w => w.Assist + w.Background, "background workers", ChartStyle.Pause);
        Layer(plot, windows, w => w.Assist + w.Background, w => w.Total, "idle workers", Color.FromHex("#bbbbbb"));

        // At least 0 to 1%: an idle trace should look idle, not fill the chart with noise.
        ChartStyle.YFromZero(plot, Math.Max(1 / 1.08, windows.Max(w => w.Total) * 100));
        ChartStyle.TimeAxis(plot, windows[0].StartS, windows[^1].EndS);
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static void Layer(Plot plot, IReadOnlyList<GcCpuWindow> windows, Func<GcCpuWindow, double> low,
        Func<GcCpuWindow, double> high, string label, Color color)
    {
        // Each window is a flat step from its start to its end. Between windows that do not touch, the step goes
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
            double span = 0, assist = 0, background = 0, idle = 0;
            for (int i = start; i < end; i++)
            {
                double d = Math.Max(windows[i].EndS - windows[i].StartS, 0);
                span += d;
                assist += windows[i].Assist * d;
                background += windows[i].Background * d;
                idle += windows[i].Idle * d;
            }
            span = span > 0 ? span : 1;
            merged.Add(new GcCpuWindow(windows[start].StartS, windows[end - 1].EndS,
                assist / span, background / span, idle / span));
        }
        return merged;
    }
}
