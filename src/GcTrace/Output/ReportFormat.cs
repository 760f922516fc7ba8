// One number format per unit, shared by the text and HTML reports: a reader compares "2.970 ms" with "10.020 ms" at a
// glance, where "2.97 ms" beside "10.020 ms" looked like different precisions.
using System.Globalization;

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
}
