// heap.png: heap at start, end, live and goal over trace time, the live-heap trend, restarts and limit regimes.
using System.Globalization;
using ScottPlot;

namespace GcTrace.Output.Charts;

internal static class HeapChart
{
    public const string FileName = "heap.png";

    private static readonly Color TrendColor = Color.FromHex("#b2182b");

    public static Plot Build(ChartSeries series, ChartAnnotations annotations)
    {
        // The trend goes in the title: a caption inside the plot sat on top of the data of flat heaps.
        string title = annotations.LiveSlopeMbPerMin is double slope
            ? $"Heap over time: live heap trend {slope.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)} MB/min"
            : "Heap over time";
        Plot plot = ChartStyle.NewPlot(title, "trace time (s)", "heap (MiB)");
        if (series.Count == 0)
        {
            ChartStyle.NoData(plot, "no GC cycles in the input");
            return plot;
        }

        // Regimes first so the lines are drawn over the shading.
        bool first = true;
        foreach (TimeRange regime in annotations.MemoryLimitRegimes)
        {
            var span = plot.Add.HorizontalSpan(regime.StartS, regime.EndS, Colors.Red.WithAlpha(0.12));
            span.LineWidth = 0;
            if (first) span.LegendText = "at the memory limit";
            first = false;
        }

        // Start is drawn wider beneath end, so where the two coincide it still shows as a halo; the dashed goal
        // goes over both, because under a heap that sits at its goal it vanished.
        Line(plot, series, ChartMetric.HeapStartMb, "at GC start", Color.FromHex("#9ecae1"), 3f, LinePattern.Solid);
        Line(plot, series, ChartMetric.HeapEndMb, "at GC end", ChartStyle.Pause, 1.5f, LinePattern.Solid);
        Line(plot, series, ChartMetric.HeapLiveMb, "live (marked)", ChartStyle.P50, 2.5f, LinePattern.Solid);
        Line(plot, series, ChartMetric.HeapGoalMb, "goal", Colors.DimGray, 1.5f, LinePattern.Dashed);
        Trend(plot, series, annotations);

        first = true;
        foreach (double restart in annotations.RestartsS)
        {
            var line = plot.Add.VerticalLine(restart, 1.5f, Colors.Black, LinePattern.DenselyDashed);
            // No label on the line itself: drawn at the top it covered the title, at the bottom the tick labels.
            if (first) line.LegendText = "process restart";
            first = false;
        }

        ChartStyle.YFromZero(plot, new[] { ChartMetric.HeapGoalMb, ChartMetric.HeapStartMb, ChartMetric.HeapEndMb }
            .SelectMany(series.Points).Max(p => p.Value));
        ChartStyle.TimeAxis(plot, series.FirstS, series.LastS);
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static void Line(Plot plot, ChartSeries series, ChartMetric metric, string label, Color color,
        float width, LinePattern pattern)
    {
        IReadOnlyList<ChartPoint> points = series.Points(metric);
        var line = plot.Add.ScatterLine(points.Select(p => p.TimeS).ToArray(), points.Select(p => p.Value).ToArray(),
            color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    private static void Trend(Plot plot, ChartSeries series, ChartAnnotations annotations)
    {
        if (annotations.LiveSlopeMbPerMin is not double slope || annotations.LiveInterceptMb is not double intercept)
            return;
        double At(double t) => intercept + slope * t / 60;
        var trend = plot.Add.Line(series.FirstS, At(series.FirstS), series.LastS, At(series.LastS));
        trend.LineColor = TrendColor;
        trend.LineWidth = 2.5f;
        trend.LinePattern = LinePattern.Dashed;
        trend.LegendText = "live heap trend";
    }
}
