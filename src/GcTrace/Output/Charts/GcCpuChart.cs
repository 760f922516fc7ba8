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

        plot.Axes.SetLimitsY(0, Math.Max(1, windows.Max(w => w.Total) * 100 * 1.15));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Layer(Plot plot, IReadOnlyList<GcCpuWindow> windows, Func<GcCpuWindow, double> low,
        Func<GcCpuWindow, double> high, string label, Color color)
    {
        // Each window is a flat step from its start to its end, so two points per window.
        int n = windows.Count * 2;
        double[] xs = new double[n], lows = new double[n], highs = new double[n];
        for (int i = 0; i < windows.Count; i++)
        {
            GcCpuWindow w = windows[i];
            xs[2 * i] = w.StartS;
            xs[2 * i + 1] = w.EndS;
            lows[2 * i] = lows[2 * i + 1] = low(w) * 100;
            highs[2 * i] = highs[2 * i + 1] = high(w) * 100;
        }
        var fill = plot.Add.FillY(xs, lows, highs);
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
