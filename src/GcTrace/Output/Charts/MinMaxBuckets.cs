// Fixed-size array of time buckets, each keeping only its smallest and largest point.
namespace GcTrace.Output.Charts;

/// <summary>
/// Keeping the extremes of each bucket (not a mean or a sample) is what lets a 2-million-cycle trace fit in a
/// few thousand points while the worst pause of every bucket still shows up on the chart.
/// </summary>
internal sealed class MinMaxBuckets
{
    private readonly ChartPoint[] min;
    private readonly ChartPoint[] max;
    private readonly bool[] used;

    public MinMaxBuckets(int count)
    {
        min = new ChartPoint[count];
        max = new ChartPoint[count];
        used = new bool[count];
    }

    public void Add(int bucket, ChartPoint point)
    {
        if (!used[bucket])
        {
            used[bucket] = true;
            min[bucket] = point;
            max[bucket] = point;
            return;
        }
        // Strict comparisons keep the earliest point of a tie, so a flat series stays one point per bucket.
        if (point.Value < min[bucket].Value) min[bucket] = point;
        if (point.Value > max[bucket].Value) max[bucket] = point;
    }

    /// <summary>Bucket i becomes buckets 2i and 2i+1 merged: the time range per bucket doubles.</summary>
    public void Halve()
    {
        int half = used.Length / 2;
        for (int i = 0; i < used.Length; i++)
        {
            int target = i / 2;
            if (!used[i]) { if (i % 2 == 0) used[target] = false; continue; }
            ChartPoint min = this.min[i], max = this.max[i];
            if (i % 2 == 0) { used[target] = true; this.min[target] = min; this.max[target] = max; continue; }
            Add(target, min);
            Add(target, max);
        }
        Array.Clear(used, half, used.Length - half);
    }

    /// <summary>The kept points in time order; a bucket whose min and max are one point gives it once.</summary>
    public List<ChartPoint> Points()
    {
        var points = new List<ChartPoint>(used.Length * 2);
        for (int i = 0; i < used.Length; i++)
        {
            if (!used[i]) continue;
            ChartPoint a = min[i], b = max[i];
            if (a == b) { points.Add(a); continue; }
            if (a.TimeS <= b.TimeS) { points.Add(a); points.Add(b); }
            else { points.Add(b); points.Add(a); }
        }
        return points;
    }
}
