// pause-distribution.png: how many cycles paused for how long, with the percentiles marked.
using System.Globalization;
using ScottPlot;

namespace GcTrace.Output.Charts;

internal static class PauseDistributionChart
{
    public const string FileName = "pause-distribution.png";

    // Ten bins per decade: each holds several of the runtime's printable values (2 significant digits).
    private const int LogBinsPerDecade = 10;
    private const int LinearBins = 50;

    public static Plot Build(ChartAnnotations annotations, ChartOptions options)
    {
        var counts = annotations.StwCounts.Where(kv => kv.Value > 0)
            .Select(kv => (Ms: (double)kv.Key, Count: kv.Value)).ToList();
        long total = counts.Sum(c => c.Count);
        bool log = options.LogScale ?? ChartStyle.IsWide(counts.Select(c => c.Ms));
        Plot plot = ChartStyle.NewPlot(
            $"Distribution of stop-the-world pauses ({ChartStyle.Cycles(total)})",
            log ? "STW pause (ms, log scale)" : "STW pause (ms)",
            "cycles");
        if (total == 0)
        {
            ChartStyle.NoData(plot, "no GC cycles in the input");
            return plot;
        }

        List<Bar> bars = log ? LogBins(counts) : LinearBinsOf(counts);
        plot.Add.Bars(bars);
        Func<double, double> x = log ? ChartStyle.Log : v => v;
        double max = counts.Max(c => c.Ms);
        Marker(plot, "p50", annotations.StwP50Ms, ChartStyle.P50, x, max);
        Marker(plot, "p99", annotations.StwP99Ms, ChartStyle.P99, x, max);
        // A max line drawn over an equal p99 line hid it; then the p99 legend entry says "= max" instead.
        if (annotations.StwP99Ms is not decimal p99 || (double)p99 < max)
        {
            var maxLine = plot.Add.VerticalLine(x(max), 1.5f, Colors.Black, LinePattern.Dotted);
            maxLine.LegendText = $"max = {ChartStyle.Number(max)} ms";
        }

        if (log) ChartStyle.UseLogTicks(plot.Axes.Bottom);
        ChartStyle.YFromZero(plot, bars.Max(b => b.Value));
        ChartStyle.LegendOutside(plot);
        return plot;
    }

    private static void Marker(Plot plot, string name, decimal? ms, Color color, Func<double, double> x, double max)
    {
        if (ms is not decimal value) return;
        var line = plot.Add.VerticalLine(x((double)value), 2, color, LinePattern.Dashed);
        line.LegendText = $"{name} = {value.ToString(CultureInfo.InvariantCulture)} ms" +
            ((double)value >= max ? " (= max)" : "");
    }

    private static List<Bar> LogBins(List<(double Ms, long Count)> counts)
    {
        var bins = new SortedDictionary<int, long>();
        foreach (var (ms, count) in counts)
        {
            // The small epsilon keeps exact decade values (1, 10, ...) in the bin they start, despite log10 rounding.
            int bin = (int)Math.Floor(ChartStyle.Log(ms) * LogBinsPerDecade + 1e-9);
            bins[bin] = bins.GetValueOrDefault(bin) + count;
        }
        const double width = 1.0 / LogBinsPerDecade;
        return bins.Select(b => NewBar((b.Key + 0.5) * width, b.Value, width)).ToList();
    }

    private static List<Bar> LinearBinsOf(List<(double Ms, long Count)> counts)
    {
        double max = counts.Max(c => c.Ms);
        double width = Math.Max(NiceWidth(max / LinearBins), Quantum(max));
        var bins = new SortedDictionary<long, long>();
        foreach (var (ms, count) in counts)
        {
            long bin = (long)Math.Floor(ms / width + 1e-9);
            bins[bin] = bins.GetValueOrDefault(bin) + count;
        }
        return bins.Select(b => NewBar((b.Key + 0.5) * width, b.Value, width)).ToList();
    }

    private static Bar NewBar(double center, long count, double width) => new()
    {
        Position = center,
        Value = count,
        Size = width * 0.92,
        FillColor = ChartStyle.Pause,
        LineWidth = 0,
    };

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="raw"/>.</summary>
    private static double NiceWidth(double raw)
    {
        double decade = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, ChartStyle.LogFloorMs))));
        foreach (double step in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (decade * step >= raw) return decade * step;
        return decade * 10;
    }

    /// <summary>
    /// The step between printable values near <paramref name="ms"/> (fmtNSAsMS keeps 2 significant digits, whole
    /// ms from 10 up). A narrower bin would leave every other bin empty: a comb, not a distribution.
    /// </summary>
    private static double Quantum(double ms) => ms >= 10 ? 1 : ms >= 1 ? 0.1 : ms >= 0.1 ? 0.01 : 0.001;
}
