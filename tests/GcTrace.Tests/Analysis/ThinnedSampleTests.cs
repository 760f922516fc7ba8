// ThinnedSample keeps an evenly spaced subset of the whole stream, never more than its capacity.
using GcTrace.Analysis;

namespace GcTrace.Tests.Analysis;

public class ThinnedSampleTests
{
    [Theory]
    [InlineData(8, 5)]
    [InlineData(8, 100)]
    [InlineData(1024, 1_000_000)]
    public void Add_ManyPoints_KeepsEvenlySpacedPointsWithinCapacity(int capacity, int count)
    {
        var sample = new ThinnedSample(capacity);
        for (var i = 0; i < count; i++)
        {
            sample.Add(i, i);
        }

        var xs = sample.Points.Select(p => p.X).ToList();
        xs.Count.Should().BeLessThanOrEqualTo(capacity).And.BeGreaterThanOrEqualTo(Math.Min(count, capacity / 2));
        xs[0].Should().Be(0);
        xs.Zip(xs.Skip(1), (a, b) => b - a).Distinct().Should().HaveCountLessThanOrEqualTo(1, "the points are evenly spaced");
        xs[^1].Should().BeGreaterThan(count - 1 - (double)count / xs.Count * 2, "the sample reaches the end of the stream");
    }
}
