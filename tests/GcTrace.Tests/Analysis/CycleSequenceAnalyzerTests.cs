// CycleSequenceAnalyzer: gaps inside a run, restarts, forced cycles and format eras.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Analysis;

public class CycleSequenceAnalyzerTests
{
    [Fact]
    public void Summarize_GapInNumbers_CountsMissingAndListsTheRange()
    {
        var analyzer = new CycleSequenceAnalyzer();
        foreach (var (n, s) in new[] { (1L, 0.1m), (2L, 0.2m), (5L, 0.5m), (6L, 0.6m), (9L, 0.9m) })
        {
            analyzer.Add(Cycles.Make(n, s));
        }

        var summary = analyzer.Summarize();

        summary.MissingCycles.Should().Be(4);
        summary.MissingRanges.Should().Equal(new CycleRange(3, 4), new CycleRange(7, 8));
        summary.SegmentCount.Should().Be(1);
    }

    [Fact]
    public void Summarize_NumberGoesBackToOne_StartsASegmentSummarisedSeparately()
    {
        var analyzer = new CycleSequenceAnalyzer();
        analyzer.Add(Cycles.Make(1, 1.000m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(2, 3.000m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(1, 10.000m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(3, 14.000m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));

        var summary = analyzer.Summarize();

        summary.SegmentCount.Should().Be(2);
        summary.Segments.Should().Equal(
            new SegmentSummary(1, 2, 2, 0, 1m, 3m, 2m),
            new SegmentSummary(1, 3, 2, 1, 10m, 14m, 4m));
        summary.SpanS.Should().Be(6m);
        summary.MissingCycles.Should().Be(1);
        summary.FirstCycle.Should().Be(1);
        summary.LastCycle.Should().Be(3);
    }

    [Fact]
    public void Summarize_ClockGoesBack_StartsASegment()
    {
        var analyzer = new CycleSequenceAnalyzer();
        analyzer.Add(Cycles.Make(7, 5m));
        analyzer.Add(Cycles.Make(8, 4m));

        analyzer.Summarize().SegmentCount.Should().Be(2);
    }

    [Fact]
    public void Summarize_ForcedAndMixedFormats_CountsAndNamesEras()
    {
        var analyzer = new CycleSequenceAnalyzer();
        analyzer.Add(Cycles.Make(1, 1m, forced: true, format: GcFormat.Go16));
        analyzer.Add(Cycles.Make(2, 2m, format: GcFormat.Go118));
        analyzer.Add(Cycles.Make(3, 3m, forced: true, format: GcFormat.Go118));

        var summary = analyzer.Summarize();

        summary.Forced.Should().Be(2);
        summary.Format.Should().Be("mixed");
        summary.Formats.Should().Equal("go1.6-1.17", "go1.18+");
    }

    [Fact]
    public void Summarize_OneFormat_NamesIt()
    {
        var analyzer = new CycleSequenceAnalyzer();
        analyzer.Add(Cycles.Make(1, 1m, format: GcFormat.Go15));

        analyzer.Summarize().Format.Should().Be("go1.5");
        new CycleSequenceAnalyzer().Summarize().Format.Should().BeNull();
    }
}
