// HeapTrendAnalyzer: envelope, robust slope, allocation rate, inferred GOGC, memory-limit signs, numeric stability.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Analysis;

public class HeapTrendAnalyzerTests
{
    [Fact]
    public void Summarize_LeakFixture_EnvelopeAndRobustSlopeRise()
    {
        var heap = Analyze(FixtureCycles.FromCorpus("go1.19/leak_global_map/combined.log"));

        heap.EnvelopeRising.Should().BeTrue();
        heap.RobustSlopeMbPerMin.Should().BeGreaterThan(30);
        heap.EnvelopeSlopeMbPerMin.Should().BeGreaterThan(30);
    }

    [Theory]
    [InlineData("go1.19/steady/combined.log")]
    [InlineData("go1.26/steady/combined.log")]
    public void Summarize_SteadyFixture_EnvelopeFlatAndGogcNear100(string log)
    {
        var heap = Analyze(FixtureCycles.FromCorpus(log));

        heap.EnvelopeRising.Should().BeFalse();
        heap.RobustSlopeMbPerMin.Should().Be(0);
        heap.InferredGogc.Should().BeInRange(80, 120);
        heap.MemoryLimit.Suspected.Should().BeFalse();
    }

    [Fact]
    public void Summarize_PressureFixtureWithGogc50_InfersAbout50()
    {
        var heap = Analyze(FixtureCycles.FromCorpus("go1.19/pressure_noleak/combined.log"));

        heap.InferredGogc.Should().BeInRange(40, 60);
        heap.GcPerS.Should().BeGreaterThan(50);
    }

    [Fact]
    public void Summarize_EightMbAllocatedPerSecond_AllocRateIsEight()
    {
        var heap = Analyze(Enumerable.Range(1, 5).Select(i => Cycles.Make(i, i, liveMb: 10, heapStartMb: 18)));

        heap.AllocRateMbPerS.Should().Be(8);
        heap.GcPerS.Should().BeApproximately(5 / (4 + 1.03 / 1000), 1e-6);
    }

    [Fact]
    public void Summarize_GoalCappedBelowGogc_FlagsTheCappedRun()
    {
        var cycles = new List<GcCycle>();
        for (var i = 1; i <= 20; i++)
        {
            cycles.Add(Cycles.Make(i, i, liveMb: 50, goalMb: 100, heapStartMb: 98));
        }

        for (var i = 21; i <= 25; i++)
        {
            cycles.Add(Cycles.Make(i, i, liveMb: 50, goalMb: 52, heapStartMb: 51));
        }

        cycles.Add(Cycles.Make(26, 26, liveMb: 50, goalMb: 100, heapStartMb: 98));

        var heap = Analyze(cycles);

        heap.InferredGogc.Should().Be(100);
        heap.MemoryLimit.Suspected.Should().BeTrue();
        heap.MemoryLimit.Cycles.Should().Be(5);
        heap.MemoryLimit.Ranges.Should().Equal(new CycleRange(21, 25));
    }

    [Fact]
    public void Summarize_LargeTimestamps_SlopeStaysExact()
    {
        // An hour-long trace seen days after start: @S near 1e6 s; the live heap grows 1 MB per 10 s.
        var cycles = Enumerable.Range(0, 5000)
            .Select(i => Cycles.Make(i + 1, 1_000_000m + i * 0.5m, liveMb: 100 + i / 20))
            .ToList();

        var heap = Analyze(cycles);

        heap.LiveSlopeMbPerMin!.Value.Should().BeApproximately(6.0, 0.01);
        heap.RobustSlopeMbPerMin!.Value.Should().BeApproximately(6.0, 0.1);
    }

    [Fact]
    public void Summarize_NoCycles_EverythingIsNull()
    {
        var heap = new HeapTrendAnalyzer().Summarize();

        heap.LiveMbFirst.Should().BeNull();
        heap.LiveMbMin.Should().BeNull();
        heap.LiveSlopeMbPerMin.Should().BeNull();
        heap.InferredGogc.Should().BeNull();
        heap.Envelope.Should().BeEmpty();
        heap.EnvelopeRising.Should().BeFalse();
    }

    private static HeapSummary Analyze(IEnumerable<GcCycle> cycles)
    {
        var analyzer = new HeapTrendAnalyzer();
        foreach (var cycle in cycles)
        {
            analyzer.Add(cycle);
        }

        return analyzer.Summarize();
    }
}
