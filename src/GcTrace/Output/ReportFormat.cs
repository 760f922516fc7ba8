// One number format per unit, shared by the text and HTML reports: a reader compares "2.970 ms" with "10.020 ms" at a
// glance, where "2.97 ms" beside "10.020 ms" looked like different precisions.
using System.Globalization;
using GcTrace.Analysis;

namespace GcTrace.Output;

public static class ReportFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Bytes in the runtime's MB (2^20 bytes: what gctrace prints as "MB").</summary>
    public const double BytesPerMb = 1 << 20;

    /// <summary>Milliseconds, always three decimals (the runtime's finest printed step is 0.001 ms).</summary>
    public static string Ms(decimal? v) => v is { } x ? x.ToString("#,0.000", Inv) + " ms" : "–";

    /// <summary>A share of CPU as a percentage with two decimals.</summary>
    public static string Pct(double? v) => v is { } x ? (x * 100).ToString("0.00", Inv) + "%" : "–";

    /// <summary>Whole MB, as the runtime prints heap sizes.</summary>
    public static string Mb(long? v) => v is { } x ? x.ToString("#,0", Inv) + " MB" : "–";

    /// <summary>Bytes (a profile's in-use growth) in the runtime's MB, two decimals.</summary>
    public static string BytesAsMb(long bytes) => (bytes / BytesPerMb).ToString("#,0.00", Inv) + " MB";

    /// <summary>A rate with two decimals and its unit ("8.17 MB/s").</summary>
    public static string Rate(double? v, string unit) => v is { } x ? x.ToString("#,0.00", Inv) + " " + unit : "–";

    /// <summary>A signed rate with two decimals ("+64.05 MB/min").</summary>
    public static string SignedRate(double? v, string unit) => v is { } x ? x.ToString("+#,0.00;-#,0.00;0.00", Inv) + " " + unit : "–";

    /// <summary>Seconds of trace time, three decimals as the runtime prints @S.</summary>
    public static string Seconds(decimal v) => v.ToString("#,0.000", Inv) + " s";

    public static string Count(long v) => v.ToString("#,0", Inv);

    /// <summary>"1 cycle", "31 cycles".</summary>
    public static string Cycles(long n) => n == 1 ? "1 cycle" : Count(n) + " cycles";

    /// <summary>
    /// Percentages of <paramref name="parts"/> rounded so that, as printed, they add up to the printed total
    /// (largest remainder: each part is rounded down to 0.01%, and the hundredths still missing from the total go to the
    /// parts that lost the most). Rounded one by one, 0.01 + 0.00 + 0.01 + 0.03 printed under a total of 0.04%.
    /// </summary>
    public static IReadOnlyList<string> PctParts(double total, IReadOnlyList<double> parts)
    {
        var hundredths = parts.Select(p => Math.Max(0, p) * 10_000).ToArray();
        var floors = hundredths.Select(Math.Floor).ToArray();
        var missing = (long)Math.Round(Math.Max(0, total) * 10_000) - (long)floors.Sum();
        foreach (var i in Enumerable.Range(0, parts.Count).OrderByDescending(i => hundredths[i] - floors[i]))
        {
            if (missing <= 0) break;
            floors[i] += 1;
            missing--;
        }
        return floors.Select(f => (f / 100).ToString("0.00", Inv) + "%").ToList();
    }

    /// <summary>The GC's cost (stop-the-world + assist + background, idle marking excluded) with its parts.</summary>
    public static string GcCostParts(GcCpuSummary g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var parts = PctParts(g.CostFraction ?? 0, [g.StwFraction ?? 0, g.AssistFraction ?? 0, g.BackgroundFraction ?? 0]);
        return $"{Pct(g.CostFraction)} of available CPU = stop-the-world {parts[0]} + assist {parts[1]} + background {parts[2]}";
    }

    /// <summary>"0.04% of available CPU = stop-the-world 0.01% + assist 0.00% + background 0.01% + idle 0.02%".</summary>
    public static string GcCpuParts(GcCpuSummary g)
    {
        var parts = PctParts(g.Fraction ?? 0, [g.StwFraction ?? 0, g.AssistFraction ?? 0, g.BackgroundFraction ?? 0, g.IdleFraction ?? 0]);
        return $"{Pct(g.Fraction)} of available CPU = stop-the-world {parts[0]} + assist {parts[1]} + background {parts[2]} + idle {parts[3]}";
    }
}
