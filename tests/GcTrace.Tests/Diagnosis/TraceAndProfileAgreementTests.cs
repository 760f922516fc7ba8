// Two rules that weigh the trace against the profiles, each shown in both directions on real runs: a flat trace bounds
// what a heap site can have kept, and a trace too short to judge alone still calls a leak when one site agrees.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class TraceAndProfileAgreementTests
{
    private const double Mib = 1048576;

    [Fact]
    public void FlatTrace_SiteGrowingMoreThanTheLiveHeapCanHold_IsTurnoverNotALeak()
    {
        // A cache bounded by its sweep, sampled at 512 KiB while it turns over ~3 MB/s: the sampled in-use memory at
        // Allow rises across the profiles, but the trace's floor stays at 8-9 MB after warm-up.
        var verdict = ProfiledRuns.Diagnose("runs/src3_quota_cache_twin", ProfiledRuns.Series("runs/src3_quota_cache_twin"));
        var e = verdict.Evidence;

        verdict.Kind.Should().Be(VerdictKind.Healthy);
        e.TraceBoundBytes.Should().NotBeNull();
        var o = DiagnosisOptions.Default;
        var bound = (Math.Max(e.FloorGrowthMb!.Value, 0) + Math.Max(o.MinLeakGrowthMb, o.MinLeakGrowthShare * e.FloorMbMin!.Value)) * Mib;
        ((double)e.TraceBoundBytes!.Value).Should().BeApproximately(bound, 1);
        (e.SiteGrowthBytes!.Value - e.SiteNoiseBytes!.Value).Should().BeGreaterThan(e.TraceBoundBytes.Value, "the site grew more, beyond its noise, than the live heap can hold");
        verdict.Reasons.Should().Contain(r => r.StartsWith("main.(*RateLimiter).Allow grew by", StringComparison.Ordinal) && r.Contains("not memory kept", StringComparison.Ordinal));
        verdict.Suspects.Should().BeEmpty();
    }

    [Fact]
    public void TraceWithoutLastingGrowth_SiteWithinWhatTheLiveHeapHolds_StaysALeak()
    {
        // The other direction: under GOMEMLIMIT the floor does not rise in the lasting shape, but it grew by more than
        // the site did, so the trace cannot rule the site's growth out and the profiles decide.
        var verdict = ProfiledRuns.Diagnose("runs/memlimit_leak", ProfiledRuns.Series("runs/memlimit_leak"));
        var e = verdict.Evidence;

        verdict.Reasons.Should().Contain(r => r.Contains("no lasting growth", StringComparison.Ordinal));
        verdict.Kind.Should().Be(VerdictKind.Leak);
        e.TraceBoundBytes.Should().BeNull();
        var o = DiagnosisOptions.Default;
        var bound = (Math.Max(e.FloorGrowthMb!.Value, 0) + Math.Max(o.MinLeakGrowthMb, o.MinLeakGrowthShare * e.FloorMbMin!.Value)) * Mib;
        ((double)e.SiteGrowthBytes!.Value).Should().BeLessThan(bound);
    }

    [Theory]
    [InlineData("runs/src3_ctx_field", "main.(*Server).newRequest")]
    [InlineData("runs/src3_idem_store", "main.(*PaymentAPI).Charge")]
    [InlineData("runs/src5_sparse_orders", "main.recordReceipt")]
    public void ShortTrace_FloorRisingAndOneSiteBeyondItsNoise_AgreeOnALeakWithLowConfidence(string folder, string function)
    {
        var series = ProfiledRuns.Series(folder);
        var verdict = ProfiledRuns.Diagnose(folder, series);
        var e = verdict.Evidence;

        verdict.Reasons[0].Should().StartWith("Only ", "fewer cycles than the trace needs to judge alone");
        verdict.Kind.Should().Be(VerdictKind.Leak);
        verdict.Confidence.Should().Be(Confidence.Low);
        verdict.Suspects[0].Function.Should().Be(function);
        e.FloorWindows.Should().BeGreaterThanOrEqualTo(DiagnosisOptions.Default.MinFloorWindows);
        e.FloorFalls.Should().Be(0);
        e.SiteGrowthBytes.Should().BeGreaterThanOrEqualTo(e.SiteNoiseBytes!.Value);

        // Without a site that clears its noise the floor alone does not decide: the same run is inconclusive.
        var summary = ProfiledRuns.Summarize(folder, null).Summary;
        var deaf = new Diagnoser(series, DiagnosisOptions.Default with { SiteNoiseSigmas = 100 }, ProfiledRuns.FixtureSources).Decide(summary);
        deaf.Kind.Should().Be(VerdictKind.Inconclusive);
    }

    [Theory]
    [InlineData("runs/src5_sparse_orders_twin150", "main.recordReceipt")]
    [InlineData("runs/leak_sparse", "main.retainSession")]
    public void ShortTrace_FloorNotRisingAfterWarmUp_StaysInconclusiveNamingCandidates(string folder, string candidate)
    {
        // The twin's cache fills during warm-up and then holds (5 cycles at GOGC=150); leak_sparse has 3 cycles. Both
        // have a site growing across the profiles, but the trace's floor does not rise in the lasting shape after warm-up.
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));

        verdict.Kind.Should().Be(VerdictKind.Inconclusive);
        verdict.Suspects.Should().Contain(s => s.Function == candidate, "an inconclusive verdict still names what grew");
        verdict.Reasons.Should().Contain(r => r.StartsWith("Candidate: " + candidate, StringComparison.Ordinal));
    }
}
