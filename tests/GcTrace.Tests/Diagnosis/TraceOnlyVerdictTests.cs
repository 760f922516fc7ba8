// TraceOnlyVerdict on the corpus runs whose ground truth is known.
namespace GcTrace.Tests.Diagnosis;

using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

public class TraceOnlyVerdictTests
{
    [Theory]
    [InlineData("go1.19/leak_global_map/combined.log", VerdictKinds.Leak)]
    [InlineData("go1.19/steady/combined.log", VerdictKinds.Healthy)]
    [InlineData("go1.26/steady/combined.log", VerdictKinds.Healthy)]
    [InlineData("go1.19/pressure_noleak/combined.log", VerdictKinds.GcPressure)]
    [InlineData("go1.19/edge_short_one/combined.log", VerdictKinds.Inconclusive)]
    [InlineData("go1.19/edge_short_zero/combined.log", VerdictKinds.Inconclusive)]
    public void Decide_CorpusRun_GivesTheExpectedKind(string log, string kind)
    {
        var analyzer = new TraceAnalyzer(new TraceOnlyVerdict());
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        var verdict = analyzer.Summarize().Verdict;

        verdict.Kind.Should().Be(kind);
        verdict.Confidence.Should().BeOneOf("low", "medium");
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
        var analyzer = new TraceAnalyzer(new TraceOnlyVerdict());
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        analyzer.Summarize().Verdict.Kind.Should().NotBe(VerdictKinds.Leak);
    }

    [Theory]
    [InlineData("go1.19/pressure_noleak/combined.log", "no lasting growth")]
    [InlineData("go1.19/steady/combined.log", "no lasting growth")]
    public void Decide_NotALeak_SaysWhatTheFloorDid(string log, string words)
    {
        var analyzer = new TraceAnalyzer(new TraceOnlyVerdict());
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        analyzer.Summarize().Verdict.Reasons.Should().Contain(r => r.Contains(words, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("runs/memlimit/combined.log", true)]
    [InlineData("corpus/go1.19/pressure_noleak/combined.log", false)]
    public void Decide_GoalHugsLiveHeap_NamesMemoryLimitOrLowGogc(string log, bool named)
    {
        var (output, _) = CollectingOutput.Scan(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, log)));
        var analyzer = new TraceAnalyzer(new TraceOnlyVerdict());
        foreach (var cycle in output.Cycles)
        {
            analyzer.Add(cycle);
        }

        var verdict = analyzer.Summarize().Verdict;

        verdict.Kind.Should().Be(VerdictKinds.GcPressure);
        verdict.Reasons.Any(r => r.Contains("GOMEMLIMIT", StringComparison.Ordinal)).Should().Be(named);
    }
}
