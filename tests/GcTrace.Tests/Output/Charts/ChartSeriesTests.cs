using GcTrace.Events;
using GcTrace.Output.Charts;

namespace GcTrace.Tests.Output.Charts;

public class ChartSeriesTests
{
    internal static GcCycle Cycle(long number, decimal startS, decimal stwMs, long liveMb = 10, bool forced = false) =>
        new(number, GcFormat.Go118, number, startS, 1, false, stwMs, 1m, 0m, 0.1m, 0.2m, 0.3m, 0.4m, 0.1m,
            liveMb + 4, liveMb + 5, liveMb, liveMb * 2, 0, 0, 8, forced);

    [Fact]
    public void Add_FewCycles_KeepsEveryPointInTimeOrder()
    {
        var series = new ChartSeries(100);
        for (int i = 0; i < 10; i++) series.Add(Cycle(i + 1, i * 0.5m, 0.1m * (i + 1)));

        series.Points(ChartMetric.StwMs).Select(p => p.TimeS).Should().Equal(Enumerable.Range(0, 10).Select(i => i * 0.5));
        series.Count.Should().Be(10);
    }

    [Fact]
    public void Add_ManyMoreCyclesThanBuckets_KeepsAtMostTwoPointsPerBucket()
    {
        var series = new ChartSeries(50);
        for (int i = 0; i < 100_000; i++) series.Add(Cycle(i + 1, i * 0.01m, (i % 7) * 0.1m));

        foreach (ChartMetric metric in Enum.GetValues<ChartMetric>())
            series.Points(metric).Count.Should().BeLessThanOrEqualTo(100);
        series.Points(ChartMetric.StwMs).Should().BeInAscendingOrder(p => p.TimeS);
    }

    [Fact]
    public void Add_OneHugePauseAmongMany_NeverHidesIt()
    {
        var series = new ChartSeries(20);
        for (int i = 0; i < 50_000; i++) series.Add(Cycle(i + 1, i * 0.002m, i == 31_337 ? 250m : 0.05m));

        series.Points(ChartMetric.StwMs).Max(p => p.Value).Should().Be(250);
        series.Points(ChartMetric.StwMs).Should().Contain(new ChartPoint(31_337 * 0.002, 250));
    }

    [Fact]
    public void Add_TimeGrowsPastBuckets_HalvesResolution()
    {
        var series = new ChartSeries(10);
        series.Add(Cycle(1, 0m, 1m));
        series.Add(Cycle(2, 0.005m, 1m));
        series.BucketSeconds.Should().Be(0.001);

        series.Add(Cycle(3, 0.05m, 1m));

        series.BucketSeconds.Should().Be(0.008);
        series.Points(ChartMetric.StwMs).Should().HaveCount(2, "cycles 1 and 2 now share a bucket with equal values");
    }

    [Fact]
    public void Add_ForcedCycles_AlsoKeptInForcedSeries()
    {
        var series = new ChartSeries(100);
        series.Add(Cycle(1, 1m, 0.5m));
        series.Add(Cycle(2, 2m, 3m, forced: true));

        series.ForcedCount.Should().Be(1);
        series.Points(ChartMetric.ForcedStwMs).Should().Equal(new ChartPoint(2, 3));
        series.Points(ChartMetric.StwMs).Should().HaveCount(2);
    }

    [Fact]
    public void Add_ClockGoesBackwards_ContinuesTraceTimeAfterRestart()
    {
        var series = new ChartSeries(100);
        series.Add(Cycle(1, 1m, 0.5m));
        series.Add(Cycle(2, 10m, 0.5m));
        series.Add(Cycle(1, 0.5m, 0.5m));

        series.Restarts.Should().Be(1);
        series.LastS.Should().Be(10.5);
        series.Points(ChartMetric.HeapLiveMb).Select(p => p.TimeS).Should().Equal(1, 10, 10.5);
    }

    [Fact]
    public void Add_Heap_KeepsEachHeapMetric()
    {
        var series = new ChartSeries(100);
        series.Add(Cycle(1, 1m, 0.5m, liveMb: 7));

        series.Points(ChartMetric.HeapLiveMb).Single().Value.Should().Be(7);
        series.Points(ChartMetric.HeapStartMb).Single().Value.Should().Be(11);
        series.Points(ChartMetric.HeapEndMb).Single().Value.Should().Be(12);
        series.Points(ChartMetric.HeapGoalMb).Single().Value.Should().Be(14);
    }

    [Fact]
    public void Constructor_ZeroWidth_Throws()
    {
        Action create = () => _ = new ChartSeries(0);
        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
