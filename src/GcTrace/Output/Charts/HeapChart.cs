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
        Plot plot = ChartStyle.NewPlot(title, "trace time (s)", "heap (MB, as the runtime prints it)");
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
        // One line per stretch of data: across a gap (missing cycles, a jump in time, a restart) nothing was measured,
        // and a straight line there claimed a heap nobody saw.
        bool first = true;
        foreach (var part in Segments(series.Points(metric), series.Gaps))
        {
            var line = plot.Add.ScatterLine(part.Select(p => p.TimeS).ToArray(), part.Select(p => p.Value).ToArray(), color);
            line.LineWidth = width;
            line.LinePattern = pattern;
            line.MarkerSize = part.Count == 1 ? width * 2 : 0;
            if (first) line.LegendText = label;
            first = false;
        }
    }

    /// <summary>Cuts time-ordered points wherever a gap lies between two neighbours.</summary>
    internal static List<List<ChartPoint>> Segments(IReadOnlyList<ChartPoint> points, IReadOnlyList<TimeRange> gaps)
    {
        var parts = new List<List<ChartPoint>>();
        var current = new List<ChartPoint>();
        int g = 0;
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0)
            {
                while (g < gaps.Count && gaps[g].EndS <= points[i - 1].TimeS) g++;
                if (g < gaps.Count && gaps[g].StartS >= points[i - 1].TimeS && gaps[g].EndS <= points[i].TimeS)
                {
                    parts.Add(current);
                    current = [];
                }
            }
            current.Add(points[i]);
        }
        if (current.Count > 0) parts.Add(current);
        return parts;
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
