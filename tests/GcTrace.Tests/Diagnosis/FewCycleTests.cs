// Few cycles and coarse sampling (issue 16, verdict6): a site that climbs in whole samples with repeated snapshots,
// a fast leak over four cycles at GOGC=200, and a flat floor over five to seven cycles. Each rule is shown both ways
// on real recordings (the held-out misses it fixed, and the src22_* leaks and twins written for it).
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class FewCycleTests
{
    [Theory]
    [InlineData("runs/src12_req_scope", "main.upload")]
    [InlineData("runs/src22_audit_trail", "main.(*Auditor).record")]
    public void CoarselySampledSite_GainAfterWarmUpBeyondItsNoise_LocatesTheTracesLeak(string folder, string top)
    {
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder), ProfiledRuns.FixtureSources);

        verdict.Kind.Should().Be(VerdictKind.Leak);
        verdict.Suspects[0].Function.Should().Be(top);
    }

    [Fact]
    public void FourCycles_EveryWindowRisingByTheRoundingBar_SiteAgreeing_IsALeakWithLowConfidence()
    {
        // GOGC=200: floors 1, 5, 7, 10 MB over 4 cycles; main.(*memoryDLQ).Add grows across the profiles.
        const string folder = "runs/src13_dead_letters";
        var series = ProfiledRuns.Series(folder);
        var summary = ProfiledRuns.Summarize(folder, null).Summary;
        var verdict = ProfiledRuns.Diagnose(folder, series, ProfiledRuns.FixtureSources);

        summary.Gc.Cycles.Should().BeLessThan(DiagnosisOptions.Default.MinFastCycles);
        verdict.Kind.Should().Be(VerdictKind.Leak);
        verdict.Confidence.Should().Be(Confidence.Low);
        verdict.Suspects[0].Function.Should().Be("main.(*memoryDLQ).Add");

        // Each step must clear the rounding bar on its own: asked for steps larger than the run's, it stays inconclusive.
        var steps = summary.Heap.Envelope.Zip(summary.Heap.Envelope.Skip(1), (a, b) => b.LiveMbMin - a.LiveMbMin).Min();
        var strict = new Diagnoser(series, DiagnosisOptions.Default with { MinLeakGrowthMb = steps + 1 }, ProfiledRuns.FixtureSources).Decide(summary);
        strict.Kind.Should().Be(VerdictKind.Inconclusive);
    }

    [Theory]
    [InlineData("runs/src22_ledger_gogc200", VerdictKind.Leak)]
    [InlineData("runs/src22_burst_cache_gogc200", VerdictKind.Inconclusive)]
    public void Gogc200_FewCycles_LeakAndItsBurstTwin(string folder, VerdictKind kind)
    {
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder), ProfiledRuns.FixtureSources);

        verdict.Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData("runs/src7_title_index_twin")]
    [InlineData("runs/src13_label_metrics_twin")]
    [InlineData("runs/src22_flat_sessions_7gc")]
    public void FewCycles_FlatFloor_NoSiteGrowing_IsHealthyWithLowConfidence(string folder)
    {
        var series = ProfiledRuns.Series(folder);
        var summary = ProfiledRuns.Summarize(folder, null).Summary;
        var verdict = ProfiledRuns.Diagnose(folder, series, ProfiledRuns.FixtureSources);

        summary.Gc.Cycles.Should().BeLessThan(DiagnosisOptions.Default.MinCycles);
        verdict.Kind.Should().Be(VerdictKind.Healthy);
        verdict.Confidence.Should().Be(Confidence.Low);
        verdict.Suspects.Should().BeEmpty();

        // The rule needs its cycles: asked for more than the run has, the same evidence stays inconclusive.
        var strict = new Diagnoser(series, DiagnosisOptions.Default with { MinFlatCycles = (int)summary.Gc.Cycles + 1 }, ProfiledRuns.FixtureSources).Decide(summary);
        strict.Kind.Should().Be(VerdictKind.Inconclusive);
    }

    [Fact]
    public void FewCycles_SlowLeak_IsNotCalledHealthy()
    {
        // ~0.45 MB/s kept by retry closures over 7 cycles: the floor creeps and the site grows after warm-up, too
        // little for either source to call the leak, enough to keep "healthy" from being said.
        const string folder = "runs/src22_slow_drip_7gc";
        var summary = ProfiledRuns.Summarize(folder, null).Summary;
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder), ProfiledRuns.FixtureSources);

        summary.Gc.Cycles.Should().BeInRange(DiagnosisOptions.Default.MinFlatCycles, DiagnosisOptions.Default.MinCycles - 1);
        verdict.Kind.Should().Be(VerdictKind.Inconclusive);
        verdict.Suspects.Select(s => s.Function).Should().Contain("main.(*notifier).deliver");
    }
}
