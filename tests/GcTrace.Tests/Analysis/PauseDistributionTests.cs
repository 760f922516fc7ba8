// PauseDistribution against sort-and-rank, on values the runtime can print, and its memory on a long trace.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Analysis;

public class PauseDistributionTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 1000)]
    [InlineData(4, 1001)]
    [InlineData(5, 12345)]
    public void Percentile_RandomPrintableValues_EqualsSortAndRank(int seed, int count)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => Printable(random)).ToList();
        var distribution = new PauseDistribution();
        values.ForEach(distribution.Add);

        var sorted = values.Order().ToList();
        foreach (var (percent, perMille) in new[] { (50m, 500), (90m, 900), (95m, 950), (99m, 990), (99.9m, 999), (100m, 1000), (0.1m, 1) })
        {
            var rank = (int)((perMille * (long)count + 999) / 1000);
            distribution.Percentile(percent).Should().Be(sorted[rank - 1], "p{0} of {1} values is rank {2}", percent, count, rank);
        }

        distribution.Max.Should().Be(sorted[^1]);
        distribution.Min.Should().Be(sorted[0]);
        distribution.Total.Should().Be(values.Sum());
        distribution.Count.Should().Be(count);
    }

    [Fact]
    public void Percentile_P999Of1000Values_IsRank999NotTheMax()
    {
        var distribution = new PauseDistribution();
        for (var i = 1; i <= 1000; i++)
        {
            distribution.Add(i);
        }

        distribution.Percentile(99.9m).Should().Be(999m);
        distribution.Percentile(50m).Should().Be(500m);
    }

    [Fact]
    public void Summarize_Empty_PercentilesAreNull()
    {
        var summary = new PauseDistribution().Summarize();

        summary.Count.Should().Be(0);
        summary.P50.Should().BeNull();
        summary.Max.Should().BeNull();
        summary.Mean.Should().BeNull();
        summary.Total.Should().Be(0m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.1)]
    public void Percentile_OutsideRange_Throws(decimal percent)
    {
        var act = () => new PauseDistribution().Percentile(percent);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Add_TwoMillionCycles_StateStaysBounded()
    {
        // Pauses of 1 µs to 5 ms, as printed: 229 printable values, so stw_total_ms (two of them summed) has at
        // most 229 x 230 / 2 distinct values however long the trace is.
        const int printable = 99 + 90 + 40;
        var random = new Random(42);
        var analyzer = new TraceAnalyzer();
        const int count = 2_000_000;
        var distinctAtHalf = 0;
        for (var i = 1; i <= count; i++)
        {
            analyzer.Add(Cycles.Make(
                i, i * 0.25m, liveMb: 100 + i % 50, goalMb: 200, heapStartMb: 190,
                stwSweepMs: Printable(random, 5e6), markMs: Printable(random, 50e6), stwMarkMs: Printable(random, 5e6)));
            if (i == count / 2)
            {
                distinctAtHalf = analyzer.Pauses.DistinctValues;
            }
        }

        var summary = analyzer.Summarize();

        summary.StwMs.Count.Should().Be(count);
        analyzer.Pauses.DistinctValues.Should().BeLessThanOrEqualTo(printable * (printable + 1) / 2);
        analyzer.Pauses.DistinctValues.Should().BeLessThan(distinctAtHalf + (distinctAtHalf / 20), "the table saturates instead of growing with the input");
        summary.GcCpu.Windows.Count.Should().BeLessThanOrEqualTo(GcCpuAnalyzer.DefaultMaxWindows);
        summary.Heap.Envelope.Count.Should().BeLessThanOrEqualTo(HeapTrendAnalyzer.DefaultMaxWindows);
        summary.Gc.Segments.Should().HaveCount(1);
    }

    // A value as fmtNSAsMS prints it (gctrace-format.md §1.2): truncated, at most two significant digits below 10 ms.
    internal static decimal Printable(Random random, double maxNs = 200e6)
    {
        var ns = (ulong)Math.Exp(random.NextDouble() * Math.Log(maxNs));
        if (ns >= 10_000_000)
        {
            return ns / 1_000_000;
        }

        var x = ns / 1000;
        if (x == 0)
        {
            return 0m;
        }

        var dec = 3;
        while (x >= 100)
        {
            x /= 10;
            dec--;
        }

        return new decimal((int)x, 0, 0, false, (byte)dec);
    }
}
