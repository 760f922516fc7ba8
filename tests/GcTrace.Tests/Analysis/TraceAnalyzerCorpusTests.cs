// Every corpus log through TraceAnalyzer, checked against a plain computation written here, apart from the code.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Analysis;

public class TraceAnalyzerCorpusTests
{
    public static TheoryData<string> Logs => RepoPaths.CombinedLogs();

    [Fact]
    public void CombinedLogs_Corpus_FindsBothGoVersions()
    {
        var logs = RepoPaths.CombinedLogPaths();
        logs.Should().Contain(l => l.StartsWith("go1.19/", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("go1.26/", StringComparison.Ordinal))
            .And.HaveCountGreaterThanOrEqualTo(13);
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Summarize_CorpusLog_PausesEqualSortAndRank(string log)
    {
        var cycles = FixtureCycles.FromCorpus(log);
        var stw = Analyze(cycles).StwMs;

        var sorted = cycles.Select(c => c.StwTotalMs).Order().ToList();
        stw.Count.Should().Be(sorted.Count);
        stw.Total.Should().Be(sorted.Sum());
        stw.Max.Should().Be(sorted.Count == 0 ? null : sorted[^1]);
        stw.P50.Should().Be(Rank(sorted, 500));
        stw.P90.Should().Be(Rank(sorted, 900));
        stw.P95.Should().Be(Rank(sorted, 950));
        stw.P99.Should().Be(Rank(sorted, 990));
        stw.P999.Should().Be(Rank(sorted, 999));
        if (sorted.Count > 0)
        {
            ((double)stw.Mean!.Value).Should().BeApproximately((double)sorted.Average(), 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Summarize_CorpusLog_HeapLevelsAndSlopeEqualTextbook(string log)
    {
        var cycles = FixtureCycles.FromCorpus(log);
        var heap = Analyze(cycles).Heap;

        heap.LiveMbFirst.Should().Be(cycles.Count == 0 ? null : cycles[0].HeapLiveMb);
        heap.LiveMbLast.Should().Be(cycles.Count == 0 ? null : cycles[^1].HeapLiveMb);
        heap.LiveMbMin.Should().Be(cycles.Count == 0 ? null : cycles.Min(c => c.HeapLiveMb));
        heap.LiveMbMax.Should().Be(cycles.Count == 0 ? null : cycles.Max(c => c.HeapLiveMb));
        heap.GoalMbLast.Should().Be(cycles.Count == 0 ? null : cycles[^1].HeapGoalMb);

        var expected = TextbookSlopePerMin(cycles);
        if (expected is null)
        {
            heap.LiveSlopeMbPerMin.Should().BeNull();
        }
        else
        {
            heap.LiveSlopeMbPerMin.Should().NotBeNull();
            RelativeError(heap.LiveSlopeMbPerMin!.Value, expected.Value).Should().BeLessThan(1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Summarize_CorpusLog_SequenceAndCpuEqualDirectComputation(string log)
    {
        var cycles = FixtureCycles.FromCorpus(log);
        var summary = Analyze(cycles);

        summary.Gc.Cycles.Should().Be(cycles.Count);
        summary.Gc.Forced.Should().Be(cycles.Count(c => c.Forced));
        summary.Gc.FirstCycle.Should().Be(cycles.Count == 0 ? null : cycles[0].Number);
        summary.Gc.LastCycle.Should().Be(cycles.Count == 0 ? null : cycles[^1].Number);
        summary.Gc.SegmentCount.Should().Be(cycles.Count == 0 ? 0 : 1, "each corpus log is one run");
        summary.Gc.MissingCycles.Should().Be(cycles.Zip(cycles.Skip(1), (a, b) => b.Number - a.Number - 1).Sum());

        if (cycles.Count == 0)
        {
            summary.GcCpu.Fraction.Should().BeNull();
            return;
        }

        // Available cpu: each interval between starts times the later cycle's P, plus the last cycle's clock x P.
        var last = cycles[^1];
        var available = cycles.Zip(cycles.Skip(1), (a, b) => (b.StartS - a.StartS) * 1000m * b.Procs).Sum()
            + (last.StwSweepTermMs + last.MarkMs + last.StwMarkTermMs) * last.Procs;
        var gc = cycles.Sum(c => c.CpuTotalMs);
        summary.GcCpu.Fraction!.Value.Should().BeApproximately((double)(gc / available), 1e-6);
        summary.GcCpu.AssistFraction!.Value.Should().BeApproximately((double)(cycles.Sum(c => c.CpuAssistMs) / available), 1e-6);
        summary.GcCpu.RuntimeCpuPctLast.Should().Be(last.CpuPercent);
        summary.Gc.SpanS.Should().Be(last.StartS - cycles[0].StartS + (last.StwSweepTermMs + last.MarkMs + last.StwMarkTermMs) / 1000m);
    }

    private static TraceSummary Analyze(IEnumerable<GcCycle> cycles)
    {
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in cycles)
        {
            analyzer.Add(cycle);
        }

        return analyzer.Summarize();
    }

    // 1-based rank ceil(per-mille/1000 x n), in integers so the test shares no arithmetic with the code.
    private static decimal? Rank(List<decimal> sorted, int perMille) =>
        sorted.Count == 0 ? null : sorted[(int)((perMille * (long)sorted.Count + 999) / 1000) - 1];

    private static double? TextbookSlopePerMin(IReadOnlyList<GcCycle> cycles)
    {
        // b = (n Σxy − Σx Σy) / (n Σx² − (Σx)²), in decimal, which holds these sums exactly.
        decimal n = cycles.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var c in cycles)
        {
            sx += c.StartS;
            sy += c.HeapLiveMb;
            sxx += c.StartS * c.StartS;
            sxy += c.StartS * c.HeapLiveMb;
        }

        var denominator = n * sxx - sx * sx;
        return cycles.Count < 2 || denominator == 0 ? null : (double)((n * sxy - sx * sy) / denominator) * 60;
    }

    private static double RelativeError(double actual, double expected) =>
        expected == 0 ? Math.Abs(actual) : Math.Abs(actual - expected) / Math.Abs(expected);
}
