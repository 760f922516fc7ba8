// Status and report wording: singular cycles, "–" until GC CPU means something, parts that add up, notes that explain.
using GcTrace.Analysis;
using GcTrace.Output;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Output;

public class ReportWordingTests
{
    [Fact]
    public void StatusLine_OneCycle_SingularAndNoGcCpuYet()
    {
        var first = Cycles.Make(1, 0.004m);

        var line = LiveStatusLine.Format(1, first, 0.03m, 0.9073, null);

        line.Should().StartWith("gctrace-pipe: 1 cycle,").And.Contain("GC CPU –").And.NotContain("90.73");
    }

    [Fact]
    public void StatusLine_EnoughCyclesAndTime_GcCpuShown()
    {
        var last = Cycles.Make(LiveStatusLine.MinCyclesForGcCpu, 2.5m);

        var line = LiveStatusLine.Format(LiveStatusLine.MinCyclesForGcCpu, last, 0.03m, 0.0123, null);

        line.Should().Contain($"{LiveStatusLine.MinCyclesForGcCpu} cycles,").And.EndWith("GC CPU 1.23%");
    }

    [Theory]
    [InlineData(0.0004, new[] { 0.00004, 0.00002, 0.00011, 0.00023 })]
    [InlineData(0.2064, new[] { 0.04614, 0.09961, 0.05158, 0.00907 })]
    [InlineData(0.5032, new[] { 0.18674, 0.02597, 0.07951, 0.21098 })]
    public void PctParts_AsPrinted_AddUpToThePrintedTotal(double total, double[] parts)
    {
        var printed = ReportFormat.PctParts(total, parts);

        var sum = printed.Sum(p => decimal.Parse(p.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));
        sum.Should().Be(decimal.Parse(ReportFormat.Pct(total).TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Notes_RealRuns_ExplainTooFewCyclesAndUnknownGogc()
    {
        var few = TraceAnalyzerOn("edge_short_one");
        var many = TraceAnalyzerOn("leak_global_map");

        ReportNotes.For(few).Should().Contain(n => n.StartsWith("With 1 cycle, p99 and p99.9 are the largest pause", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("GOGC could not be inferred", StringComparison.Ordinal));
        ReportNotes.For(many).Should().Contain(n => n.StartsWith($"With {many.StwMs.Count} cycles, p99 and p99.9", StringComparison.Ordinal))
            .And.NotContain(n => n.StartsWith("GOGC", StringComparison.Ordinal), "leak_global_map's GOGC is inferred");
    }

    private static TraceSummary TraceAnalyzerOn(string run)
    {
        var analyzer = new TraceAnalyzer();
        foreach (var c in FixtureCycles.FromGo119Run(run)) analyzer.Add(c);
        return analyzer.Summarize();
    }
}
