// TraceOnlyVerdict on the corpus runs whose ground truth is known.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class TraceOnlyVerdictTests
{
    [Theory]
    [InlineData("go1.19/leak_global_map/combined.log", VerdictKind.Leak)]
    [InlineData("go1.19/steady/combined.log", VerdictKind.Healthy)]
    [InlineData("go1.26/steady/combined.log", VerdictKind.Healthy)]
    [InlineData("go1.19/pressure_noleak/combined.log", VerdictKind.GcPressure)]
    [InlineData("go1.19/edge_short_one/combined.log", VerdictKind.Inconclusive)]
    [InlineData("go1.19/edge_short_zero/combined.log", VerdictKind.Inconclusive)]
    public void Decide_CorpusRun_GivesTheExpectedKind(string log, VerdictKind kind)
    {
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        var verdict = new TraceOnlyVerdict().Decide(analyzer.Summarize());

        verdict.Kind.Should().Be(kind);
        verdict.Confidence.Should().BeOneOf(Confidence.Low, Confidence.Medium);
        verdict.Reasons.Should().Contain(r => r.Contains("profiles", StringComparison.Ordinal));
        verdict.Suspects.Should().BeEmpty();
    }

    public static TheoryData<string> NoLeakLogs()
    {
        // Ground truth from each run's meta.json (corpus README): only leak_global_map leaks.
        return new(RepoPaths.CombinedLogPaths().Where(log => !log.Contains("/leak_", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(NoLeakLogs))]
    public void Decide_NoLeakRuns_NeverSaysLeak(string log)
    {
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        new TraceOnlyVerdict().Decide(analyzer.Summarize()).Kind.Should().NotBe(VerdictKind.Leak);
    }

    [Theory]
    [InlineData("go1.19/pressure_noleak/combined.log", "no lasting growth")]
    [InlineData("go1.19/steady/combined.log", "no lasting growth")]
    public void Decide_NotALeak_SaysWhatTheFloorDid(string log, string words)
    {
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        new TraceOnlyVerdict().Decide(analyzer.Summarize()).Reasons.Should().Contain(r => r.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("runs/memlimit/combined.log", true)]
    [InlineData("corpus/go1.19/pressure_noleak/combined.log", false)]
    public void Decide_GoalHugsLiveHeap_NamesMemoryLimitOrLowGogc(string log, bool named)
    {
        var (output, _) = CollectingOutput.Scan(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, log)));
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in output.Cycles)
        {
            analyzer.Add(cycle);
        }

        var verdict = new TraceOnlyVerdict().Decide(analyzer.Summarize());

        verdict.Kind.Should().Be(VerdictKind.GcPressure);
        verdict.Reasons.Any(r => r.Contains("GOMEMLIMIT", StringComparison.Ordinal)).Should().Be(named);
    }

    [Fact]
    public void Decide_MinCyclesRaisedAboveTheRun_IsInconclusive()
    {
        var analyzer = new TraceAnalyzer();
        var cycles = FixtureCycles.FromCorpus("go1.19/steady/combined.log").ToList();
        foreach (var cycle in cycles)
        {
            analyzer.Add(cycle);
        }

        var strict = new TraceOnlyVerdict(DiagnosisOptions.Default with { MinCycles = cycles.Count + 1 });

        new TraceOnlyVerdict().Decide(analyzer.Summarize()).Kind.Should().Be(VerdictKind.Healthy);
        strict.Decide(analyzer.Summarize()).Kind.Should().Be(VerdictKind.Inconclusive);
    }
}
