// The Theil-Sen slope: the median of the slopes between all pairs of points.
namespace GcTrace.Analysis;

/// <summary>
/// Robust to the odd outlier (a forced GC after a burst, a warm-up phase) that drags a least-squares slope. Cost is
/// quadratic, so callers pass a bounded sample.
/// </summary>
internal static class TheilSen
{
    /// <summary>The median pairwise slope, or null when no two points have different x.</summary>
    public static double? Slope(IReadOnlyList<(double X, double Y)> points)
    {
        var slopes = new List<double>(points.Count * (points.Count - 1) / 2);
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                var dx = points[j].X - points[i].X;
                if (dx != 0)
                {
                    slopes.Add((points[j].Y - points[i].Y) / dx);
                }
            }
        }

        if (slopes.Count == 0)
        {
            return null;
        }

        slopes.Sort();
        var mid = slopes.Count / 2;
        return slopes.Count % 2 == 1 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
    }
}
