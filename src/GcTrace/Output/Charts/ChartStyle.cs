// The look every chart shares: bundled font, sizes readable at 1200x600, log axes, number formats.
using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace GcTrace.Output.Charts;

internal static class ChartStyle
{
    /// <summary>
    /// The runtime prints pauses under 1 µs as "0" (fmtNSAsMS, mgc.go), so on a log axis they are drawn at
    /// 0.001 ms, the smallest value it can print, instead of at log(0).
    /// </summary>
    public const double LogFloorMs = 0.001;

    // A pause series spanning more than this factor is mostly an empty floor on a linear axis.
    private const double WideRangeFactor = 100;

    public static readonly Color Pause = Color.FromHex("#1f77b4");
    public static readonly Color Forced = Color.FromHex("#ff7f0e");
    public static readonly Color P50 = Color.FromHex("#2ca02c");
    public static readonly Color P99 = Color.FromHex("#d62728");

    /// <summary>
    /// Legends go outside the data area, never over it: on dense traces every corner of the plot has data in
    /// it, and a legend drawn there hid pauses and the heap goal. Below, in one row, costs the least data area
    /// for short entries; long ones (function names) read better as a column on the right.
    /// </summary>
    public static void LegendOutside(Plot plot, bool longEntries = false)
    {
        if (longEntries) plot.ShowLegend(Edge.Right);
        else plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>
    /// Fits the x axis to the trace with a little room for the end markers; ScottPlot's default 10% margin put a
    /// meaningless "-1 s" tick before the first cycle.
    /// </summary>
    public static void TimeAxis(Plot plot, double firstS, double lastS)
    {
        double pad = lastS > firstS ? (lastS - firstS) * 0.015 : 0.5;
        plot.Axes.SetLimitsX(firstS - pad, lastS + pad);
        // Trace time is never negative: the padding left of a cycle at 0 s gets no tick labels, where a
        // one-cycle trace showed half an axis of negative seconds.
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = s => s < -1e-9 ? "" : s.ToString("#,0.######", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Sizes and MiB start at zero so growth is seen in proportion, with headroom above the top value.</summary>
    public static void YFromZero(Plot plot, double max) => plot.Axes.SetLimitsY(0, max > 0 ? max * 1.08 : 1);

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        BundledFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(BundledFonts.FamilyName);
        plot.Title(title, 18);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        foreach (IAxis axis in plot.Axes.GetAxes()) axis.TickLabelStyle.FontSize = 12;
        // Left on, the legend re-detects a font per item from the system, which may find none at all.
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Legend.FontName = BundledFonts.FamilyName;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>Whether values this far apart need a log axis (the <see cref="ChartOptions.LogScale"/> auto rule).</summary>
    public static bool IsWide(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = 0;
        foreach (double v in values)
        {
            if (v > 0 && v < min) min = v;
            if (v > max) max = v;
        }
        return max > 0 && max / Math.Max(min, LogFloorMs) > WideRangeFactor;
    }

    public static double Log(double ms) => Math.Log10(Math.Max(ms, LogFloorMs));

    /// <summary>
    /// ScottPlot 5 has no log axis type: the data are plotted as log10 and this tick generator labels the
    /// decades with real values and draws the 2..9 minor ticks between them.
    /// </summary>
    public static void UseLogTicks(IAxis axis)
    {
        axis.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => Number(Math.Pow(10, exponent)),
        };
    }

    /// <summary>Like the runtime prints ms: whole numbers from 10 up, at most 3 decimals below.</summary>
    public static string Number(double value) =>
        value.ToString(Math.Abs(value) >= 10 ? "#,0" : "0.###", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Cycles(long count) => count == 1 ? "1 cycle" : $"{Count(count)} cycles";

    public static void NoData(Plot plot, string message)
    {
        ScottPlot.Plottables.Annotation note = plot.Add.Annotation(message, Alignment.MiddleCenter);
        note.LabelFontSize = 16;
    }
}
