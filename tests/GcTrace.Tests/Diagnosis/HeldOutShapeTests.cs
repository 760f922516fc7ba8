// The v2_ runs (held-out style, written before their verdict was looked at) that the rules first got wrong, each now
// decided by the rule that was missing, shown by turning that rule off on the same real run.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class HeldOutShapeTests
{
    [Fact]
    public void SlowLeak_HiddenByTheWholeMbLiveHeap_ShowsInTheGoalFloor()
    {
        var summary = Trace("runs/v2_slow_leak");
        var verdict = new TraceOnlyVerdict().Judge(summary);
        var e = verdict.Evidence;

        verdict.Kind.Should().Be(VerdictKind.Leak);
        e.FloorGrowthMb.Should().BeLessThan(DiagnosisOptions.Default.MinLeakGrowthMb, "the live heap's whole-MB figure barely moves");
        e.GoalFloorGrowthMb.Should().BeGreaterThanOrEqualTo(DiagnosisOptions.Default.MinLeakGrowthMb);
        e.GoalFloorRises.Should().BeGreaterThanOrEqualTo(DiagnosisOptions.Default.MinRises);
        e.GoalFloorFalls.Should().Be(0);
        // ~100 KB/s (the program's design) over the ~12 s judged: about 1.2 MB of live heap.
        e.GoalLiveGrowthMb.Should().BeInRange(0.6, 2.4);
        verdict.Reasons[0].Should().Contain("floor of the heap goal rose from");

        var withoutGoal = new TraceOnlyVerdict(DiagnosisOptions.Default with { MinGoalResolutionGogc = long.MaxValue }).Judge(summary);
        withoutGoal.Kind.Should().Be(VerdictKind.Healthy, "the live floor alone cannot see it");
        withoutGoal.Evidence.GoalFloorGrowthMb.Should().BeNull();
    }

    [Fact]
    public void SlowLeak_BelowWhatTheProfilesResolve_IsNotVetoedAndNamesTheSiteRisingInShape()
    {
        var verdict = ProfiledRuns.Diagnose("runs/v2_slow_leak", ProfiledRuns.Series("runs/v2_slow_leak"));

        verdict.Kind.Should().Be(VerdictKind.Leak);
        verdict.Confidence.Should().Be(Confidence.Medium);
        verdict.Suspects[0].Function.Should().Be("main.recordTrace");
        verdict.Suspects[0].GrowthBytes.Should().BeLessThan(verdict.Evidence.ProfileNoiseBytes!.Value, "below the noise: the trace measured it");
        verdict.Reasons.Should().Contain(r => r.StartsWith("The heap profiles resolve growth of", StringComparison.Ordinal));
    }

    [Fact]
    public void BigCacheAtItsCap_WobblesWithinItsOwnSamplingNoise()
    {
        var summary = Trace("runs/v2_big_lru");
        var series = ProfiledRuns.Series("runs/v2_big_lru");

        var verdict = new Diagnoser(series, sources: ProfiledRuns.FixtureSources).Decide(summary);
        var fixedBarOnly = new Diagnoser(series, DiagnosisOptions.Default with { SiteNoiseSigmas = 0 }, ProfiledRuns.FixtureSources).Decide(summary);

        verdict.Kind.Should().Be(VerdictKind.Healthy);
        fixedBarOnly.Kind.Should().Be(VerdictKind.Leak, "8 samples is well inside a 160 MiB site's wobble");
        fixedBarOnly.Suspects[0].Function.Should().Be("main.fetchThumb");
    }

    [Fact]
    public void Backlog_TurningOver_IsLocatedBeyondItsNoiseWhenTheTraceShowsLastingGrowth()
    {
        var verdict = ProfiledRuns.Diagnose("runs/v2_queue_backlog", ProfiledRuns.Series("runs/v2_queue_backlog"));
        var e = verdict.Evidence;

        verdict.Kind.Should().Be(VerdictKind.Leak);
        verdict.Suspects[0].Function.Should().Be("main.enqueue");
        e.FloorGrowthMb.Should().BeGreaterThanOrEqualTo(DiagnosisOptions.Default.MinLeakGrowthMb);
        e.SiteGrowthBytes.Should().BeGreaterThanOrEqualTo(e.SiteNoiseBytes!.Value);
        e.SiteFalls.Should().BeGreaterThan(0, "the FIFO's sampled payloads turn over, so its steps go both ways");
        verdict.Reasons.Should().Contain(r => r.Contains("beyond its sampling noise", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("runs/v2_session_ttl")]
    [InlineData("runs/v2_logbuf_flush")]
    [InlineData("runs/ttl_cache")]
    [InlineData("runs/v2_big_steady")]
    [InlineData("runs/warmup_cache")]
    [InlineData("runs/idle_heavy")]
    public void Healthy_GoalFloorJudged_ShowsNoLastingGrowth(string folder)
    {
        var summary = Trace(folder);
        var judge = new TraceOnlyVerdict();

        var goalFloor = judge.GoalFloorTrend(summary.Heap);

        goalFloor.Should().NotBeNull("GOGC=100 and no memory limit: the goal resolves the live heap twice as finely");
        judge.IsLastingGoalGrowth(goalFloor!).Should().BeFalse();
    }

    [Fact]
    public void MemoryLimit_GoalSetByTheLimit_IsNotJudged()
    {
        var summary = Trace("runs/memlimit_leak");

        summary.Heap.MemoryLimit.Suspected.Should().BeTrue();
        new TraceOnlyVerdict().GoalFloorTrend(summary.Heap).Should().BeNull();
    }

    private static TraceSummary Trace(string folder) => ProfiledRuns.Summarize(folder, null).Summary;
}
