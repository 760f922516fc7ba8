// How a quantity sampled over time moved once warm-up was over: robust slope, growth, and how many steps went up.
using GcTrace.Analysis;

namespace GcTrace.Diagnosis;
/// <summary>
/// A leak is growth that keeps going after the working set formed, so a trend is judged on the points after the
/// first <c>warmUpShare</c> of the time span only (caches fill, pools size, indexes load there), with the Theil-Sen
/// slope (a burst snapshot or one lucky sample cannot drag it) and the share of the movement that went up (a sawtooth
/// goes down as far as it went up). Never first against last: one snapshot inside a burst would decide.
/// </summary>
/// <param name="Points">Points after warm-up.</param>
/// <param name="StartS">Time of the first point after warm-up (same clock as the input).</param>
/// <param name="SpanS">Time from the first to the last point after warm-up.</param>
/// <param name="Growth">Theil-Sen slope times <see cref="SpanS"/>: how much the quantity grew after warm-up.</param>
/// <param name="Rises">Steps (point to next point) that went up.</param>
/// <param name="Falls">Steps that went down.</param>
/// <param name="UpTotal">The rises added up.</param>
/// <param name="DownTotal">The falls added up (positive).</param>
/// <param name="First">The value at the first point after warm-up.</param>
/// <param name="Last">The value at the last point.</param>
/// <param name="Min">The smallest value after warm-up.</param>
/// <param name="Max">The largest value after warm-up.</param>
public sealed record Trend(
    int Points, double StartS, double SpanS, double Growth, int Rises, int Falls, double UpTotal, double DownTotal, double First, double Last, double Min, double Max)
{
    /// <summary>Share of the movement (rises and falls added by size) that went up; 0 when nothing moved. A steady
    /// climb is near 1; a sawtooth, whose troughs come back, near 0.5 however its steps happen to fall.</summary>
    public double RiseShare => UpTotal + DownTotal <= 0 ? 0 : UpTotal / (UpTotal + DownTotal);

    /// <summary>The mean value after warm-up: the level a sampling-noise estimate scales with.</summary>
    public double Mean { get; init; }

    /// <summary>
    /// Lasting growth: at least <paramref name="minGrowth"/> by the robust slope, at least <paramref name="minRises"/>
    /// separate rises, and at least <paramref name="minRiseShare"/> of the movement upward.
    /// </summary>
    public bool Lasting(double minGrowth, int minRises, double minRiseShare) =>
        Growth >= minGrowth && Rises >= minRises && RiseShare >= minRiseShare;

    /// <summary>The trend of <paramref name="points"/> (time, value) after the first <paramref name="warmUpShare"/> of
    /// their time span; null with fewer than two points left. Points need not be sorted.</summary>
    public static Trend? AfterWarmUp(IEnumerable<(double T, double V)> points, double warmUpShare)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.OrderBy(p => p.T).ToList();
        if (sorted.Count < 2)
        {
            return null;
        }

        var cut = sorted[0].T + (warmUpShare * (sorted[^1].T - sorted[0].T));
        var kept = sorted.Where(p => p.T >= cut).ToList();
        return Of(kept);
    }

    /// <summary>The trend over every point (no warm-up cut); null with fewer than two points.</summary>
    public static Trend? Of(IReadOnlyList<(double T, double V)> kept)
    {
        ArgumentNullException.ThrowIfNull(kept);
        if (kept.Count < 2)
        {
            return null;
        }

        var rises = 0;
        var falls = 0;
        double up = 0, down = 0;
        for (var i = 1; i < kept.Count; i++)
        {
            var step = kept[i].V - kept[i - 1].V;
            rises += step > 0 ? 1 : 0;
            falls += step < 0 ? 1 : 0;
            up += Math.Max(step, 0);
            down += Math.Max(-step, 0);
        }

        var span = kept[^1].T - kept[0].T;
        var slope = TheilSen.Slope(kept.Select(p => (p.T, p.V)).ToList()) ?? 0;
        return new Trend(
            kept.Count, kept[0].T, span, slope * span, rises, falls, up, down, kept[0].V, kept[^1].V, kept.Min(p => p.V), kept.Max(p => p.V))
        {
            Mean = kept.Average(p => p.V),
        };
    }
}
