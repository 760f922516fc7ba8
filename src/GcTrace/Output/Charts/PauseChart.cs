// pauses.png: the stop-the-world pause of every cycle over trace time, with p50 and p99.
using System.Globalization;
using ScottPlot;

namespace GcTrace.Output.Charts;

internal static class PauseChart
{
    public const string FileName = "pauses.png";

    public static Plot Build(ChartSeries series, ChartAnnotations annotations, ChartOptions options)
    {
        IReadOnlyList<ChartPoint> all = series.Points(ChartMetric.StwMs);
        IReadOnlyList<ChartPoint> forced = series.Points(ChartMetric.ForcedStwMs);
        bool log = options.LogScale ?? ChartStyle.IsWide(all.Select(p => p.Value));
        Func<double, double> y = log ? ChartStyle.Log : v => v;

        Plot plot = ChartStyle.NewPlot(
            $"Stop-the-world pause per GC cycle ({ChartStyle.Cycles(series.Count)})",
            XLabel(series),
            log ? "STW pause (ms, log scale)" : "STW pause (ms)");
        if (series.Count == 0)
        {
            ChartStyle.NoData(plot, "no GC cycles in the input");
            return plot;
        }

        // Percentile lines first, so the cycles sitting on them are drawn on top rather than hidden.
        Percentile(plot, "p50", annotations.StwP50Ms, ChartStyle.P50, y);
        Percentile(plot, "p99", annotations.StwP99Ms, ChartStyle.P99, y);
        var cycles = plot.Add.ScatterPoints(all.Select(p => p.TimeS).ToArray(), all.Select(p => y(p.Value)).ToArray(),
            ChartStyle.Pause);
        cycles.MarkerSize = 5;
        cycles.LegendText = "GC cycle";
        if (forced.Count > 0)
        {
            var marks = plot.Add.ScatterPoints(forced.Select(p => p.TimeS).ToArray(),
                forced.Select(p => y(p.Value)).ToArray(), ChartStyle.Forced);
            marks.MarkerShape = MarkerShape.FilledTriangleUp;
            marks.MarkerSize = 9;
            marks.LegendText = $"forced (runtime.GC): {ChartStyle.Count(series.ForcedCount)}";
        }

        if (log) ChartStyle.UseLogTicks(plot.Axes.Left);
        else ChartStyle.YFromZero(plot, all.Max(p => p.Value));
        ChartStyle.TimeAxis(plot, series.FirstS, series.LastS);
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static void Percentile(Plot plot, string name, decimal? ms, Color color, Func<double, double> y)
    {
        if (ms is not decimal value) return;
        var line = plot.Add.HorizontalLine(y((double)value), 2, color, LinePattern.Dashed);
        line.LegendText = $"{name} = {value.ToString(CultureInfo.InvariantCulture)} ms";
    }

    /// <summary>Says when the points are a min/max envelope, so nobody counts dots as cycles.</summary>
    private static string XLabel(ChartSeries series) =>
        series.Count > series.BucketCount * 2L
            ? $"trace time (s); shortest and longest pause per {ChartStyle.Number(series.BucketSeconds)} s shown"
            : "trace time (s)";
}
