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
        // Up to ~500,000 slopes (4 MB) per call, each written before it is read: zeroing them first was 7% of a 100 MB run.
        var slopes = GC.AllocateUninitializedArray<double>(points.Count * (points.Count - 1) / 2);
        var count = 0;
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
            {
                var dx = points[j].X - points[i].X;
                if (dx != 0)
                {
                    slopes[count++] = (points[j].Y - points[i].Y) / dx;
                }
            }
        }

        if (count == 0)
        {
            return null;
        }

        // Only the middle order statistics are needed: a selection is linear, where sorting the ~500,000 slopes of a full
        // sample (with a comparer call per compare under Native AOT) was a tenth of a whole run.
        var span = slopes.AsSpan(0, count);
        var mid = count / 2;
        var upper = Select(span, mid);
        if (count % 2 == 1)
        {
            return upper;
        }

        // Everything before mid is <= upper after the selection, so the lower middle is their maximum.
        var lower = span[0];
        foreach (var v in span[..mid])
        {
            if (v > lower)
            {
                lower = v;
            }
        }

        return (lower + upper) / 2;
    }

    // Hoare's quickselect: afterwards s[k] holds the k-th smallest value, s[..k] values <= it and s[(k+1)..] values >= it.
    private static double Select(Span<double> s, int k)
    {
        int lo = 0, hi = s.Length - 1;
        while (lo < hi)
        {
            var pivot = MedianOf3(s[lo], s[lo + ((hi - lo) / 2)], s[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (s[i] < pivot) i++;
                while (s[j] > pivot) j--;
                if (i <= j)
                {
                    (s[i], s[j]) = (s[j], s[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return s[k];
        }

        return s[k];
    }

    private static double MedianOf3(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
