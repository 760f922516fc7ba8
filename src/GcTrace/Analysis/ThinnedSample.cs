// An evenly spaced subset of a stream of points, never larger than its capacity.
namespace GcTrace.Analysis;

/// <summary>
/// Keeps every stride-th point; when full it drops every other point and doubles the stride, so the points kept are
/// always those at multiples of the stride: spread evenly over the whole trace, not just its start.
/// </summary>
internal sealed class ThinnedSample
{
    private readonly int capacity;
    private readonly List<(double X, double Y)> points = new();
    private long stride = 1;
    private long seen;

    public ThinnedSample(int capacity)
    {
        if (capacity < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A sample holds at least two points.");
        }

        this.capacity = capacity;
    }

    public IReadOnlyList<(double X, double Y)> Points => points;

    public void Add(double x, double y)
    {
        if (seen++ % stride != 0)
        {
            return;
        }

        points.Add((x, y));
        if (points.Count > capacity)
        {
            var kept = 0;
            for (var i = 0; i < points.Count; i += 2)
            {
                points[kept++] = points[i];
            }

            points.RemoveRange(kept, points.Count - kept);
            stride *= 2;
        }
    }
}
