// Fixed-size array of time buckets, each keeping only its smallest and largest point.
namespace GcTrace.Output.Charts;

/// <summary>
/// Keeping the extremes of each bucket (not a mean or a sample) is what lets a 2-million-cycle trace fit in a
/// few thousand points while the worst pause of every bucket still shows up on the chart.
/// </summary>
internal sealed class MinMaxBuckets
{
    private readonly ChartPoint[] _min;
    private readonly ChartPoint[] _max;
    private readonly bool[] _used;

    public MinMaxBuckets(int count)
    {
        _min = new ChartPoint[count];
        _max = new ChartPoint[count];
        _used = new bool[count];
    }

    public void Add(int bucket, ChartPoint point)
    {
        if (!_used[bucket])
        {
            _used[bucket] = true;
            _min[bucket] = point;
            _max[bucket] = point;
            return;
        }
        // Strict comparisons keep the earliest point of a tie, so a flat series stays one point per bucket.
        if (point.Value < _min[bucket].Value) _min[bucket] = point;
        if (point.Value > _max[bucket].Value) _max[bucket] = point;
    }

    /// <summary>Bucket i becomes buckets 2i and 2i+1 merged: the time range per bucket doubles.</summary>
    public void Halve()
    {
        int half = _used.Length / 2;
        for (int i = 0; i < _used.Length; i++)
        {
            int target = i / 2;
            if (!_used[i]) { if (i % 2 == 0) _used[target] = false; continue; }
            ChartPoint min = _min[i], max = _max[i];
            if (i % 2 == 0) { _used[target] = true; _min[target] = min; _max[target] = max; continue; }
            Add(target, min);
            Add(target, max);
        }
        Array.Clear(_used, half, _used.Length - half);
    }

    /// <summary>The kept points in time order; a bucket whose min and max are one point gives it once.</summary>
    public List<ChartPoint> Points()
    {
        var points = new List<ChartPoint>(_used.Length * 2);
        for (int i = 0; i < _used.Length; i++)
        {
            if (!_used[i]) continue;
            ChartPoint a = _min[i], b = _max[i];
            if (a == b) { points.Add(a); continue; }
            if (a.TimeS <= b.TimeS) { points.Add(a); points.Add(b); }
            else { points.Add(b); points.Add(a); }
        }
        return points;
    }
}
