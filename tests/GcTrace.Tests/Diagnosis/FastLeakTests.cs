// Fast leaks from a small heap (src15_*): the heap doubles at each GC, so the GCs space out geometrically and a run of
// seconds has fewer than a trend needs. Each rule is shown both ways on real recordings: the leak, and a twin whose
// working set forms as fast during warm-up and then stays flat.
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class FastLeakTests
{
    [Fact]
    public void FloorRisingAtEveryWindowOverFewCycles_SiteStillRising_IsALeakWithLowConfidence()
    {
        // ~50 MB/s kept in a package-level map, stopped after 6 s: 7 cycles, the floor 3 -> 96 -> 183 MB.
        const string folder = "runs/src15_fast_map_short";
        var series = ProfiledRuns.Series(folder);
        var verdict = ProfiledRuns.Diagnose(folder, series);
        var summary = ProfiledRuns.Summarize(folder, null).Summary;

        summary.Gc.Cycles.Should().BeLessThan(DiagnosisOptions.Default.MinCycles, "too few cycles for the trace's own trend");
        summary.Heap.Envelope.Select(p => p.LiveMbMin).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        verdict.Kind.Should().Be(VerdictKind.Leak);
        verdict.Confidence.Should().Be(Confidence.Low);
        verdict.Suspects[0].Function.Should().Be("main.storeChunk");
        verdict.Suspects[0].Pattern.Should().Be(SuspectPattern.UnboundedMap);
        verdict.Reasons.Should().Contain(r => r.StartsWith("Yet the floor of the live heap rose at every one of its", StringComparison.Ordinal));

        // The rule needs its cycles: asked for more than the run has, the same evidence stays inconclusive.
        var strict = new Diagnoser(series, DiagnosisOptions.Default with { MinFastCycles = (int)summary.Gc.Cycles + 1, MinSteppedFastCycles = (int)summary.Gc.Cycles + 1 }, ProfiledRuns.FixtureSources).Decide(summary);
        strict.Kind.Should().Be(VerdictKind.Inconclusive);
    }

    [Fact]
    public void WorkingSetFilledAsFast_LastWindowFlat_ProfilesAloneDoNotCallALeak()
    {
        // The twin loads a fixed catalogue at the same pace and stops after 6 s: the floor is 100 MB at its last two
        // windows, while the heap profiles (up to two GCs old) still show the catalogue rising after their warm-up.
        const string folder = "runs/src15_fast_map_twin_short";
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));
        var envelope = ProfiledRuns.Summarize(folder, null).Summary.Heap.Envelope;

        envelope[^1].LiveMbMin.Should().BeLessThanOrEqualTo(envelope[^2].LiveMbMin);
        verdict.Kind.Should().Be(VerdictKind.Inconclusive);
        verdict.Suspects.Select(s => s.Function).Should().Contain("main.entry", "the growing site is still named as a candidate");

        // The veto holds only where the site's rate would have shown in whole MB over the last step: a trace that
        // cannot resolve that much leaves the profiles' lasting growth standing.
        var summary = ProfiledRuns.Summarize(folder, null).Summary;
        var coarse = new Diagnoser(ProfiledRuns.Series(folder), DiagnosisOptions.Default with { MinLeakGrowthMb = 1000 }, ProfiledRuns.FixtureSources).Decide(summary);
        coarse.Kind.Should().Be(VerdictKind.Leak);
    }

    [Theory]
    [InlineData("runs/src15_fast_map", VerdictKind.Leak, "main.storeChunk")]
    [InlineData("runs/src15_fast_park", VerdictKind.Leak, "main.search")]
    [InlineData("runs/src15_fast_map_twin", VerdictKind.Healthy, null)]
    [InlineData("runs/src15_fast_park_twin", VerdictKind.Healthy, null)]
    public void TenSecondRuns_LeaksAndTheirTwins(string folder, VerdictKind kind, string? top)
    {
        var verdict = ProfiledRuns.Diagnose(folder, ProfiledRuns.Series(folder));

        verdict.Kind.Should().Be(kind);
        if (top is null)
        {
            verdict.Suspects.Should().BeEmpty();
        }
        else
        {
            verdict.Suspects[0].Function.Should().Be(top);
        }
    }
}
