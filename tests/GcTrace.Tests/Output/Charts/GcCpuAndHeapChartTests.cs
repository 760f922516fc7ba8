// The GC CPU chart shows every part of the GC's CPU (stop-the-world included), each window as wide as its data, on an
// axis fitted to the data with percent ticks and the gc-pressure line; the heap chart breaks its lines at holes in the data.
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output.Charts;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Output.Charts;

public class GcCpuAndHeapChartTests
{
    private static (List<GcTrace.Output.Charts.GcCpuWindow> Windows, GcCpuSummary Summary, double EndS) Windows(string run)
    {
        List<GcCycle> cycles = FixtureCycles.FromGo119Run(run);
        var analyzer = new GcCpuAnalyzer();
        foreach (var c in cycles) analyzer.Add(c);
        var summary = analyzer.Summarize();
        // The trace ends with the last cycle's own clock time (sweep termination + concurrent + mark termination).
        var last = cycles[^1];
        var endS = (double)(last.StartS + (last.StwSweepTermMs + last.ConcurrentMs + last.StwMarkTermMs) / 1000m);
        return (ChartSink.ChartWindows(summary, (double)cycles[0].StartS, endS), summary, endS);
    }

    [Theory]
    [InlineData("leak_global_map")]
    [InlineData("pressure_noleak")]
    [InlineData("steady")]
    public void ChartWindows_CorpusRun_StackedPartsAddUpToEachWindowsTotalIncludingStw(string run)
    {
        var (windows, summary, _) = Windows(run);

        var kept = summary.Windows.Where(w => w.Cycles > 0).ToList();
        windows.Should().HaveCount(kept.Count);
        for (var i = 0; i < windows.Count; i++)
        {
            windows[i].Total.Should().BeApproximately(kept[i].Fraction!.Value, 1e-5, $"window {i}: the stack's top is the window's GC share");
            windows[i].Stw.Should().BeGreaterThan(0, "every cycle stops the world, so every window with cycles has a stop-the-world part");
        }
    }

    [Fact]
    public void ChartWindows_LastWindowPartial_DrawnOnlyAsWideAsTheTrace()
    {
        // leak_global_map spans ~35 s in 10 s windows: the fourth window holds ~5 s of data, not 10.
        var (windows, summary, endS) = Windows("leak_global_map");

        windows[^1].EndS.Should().BeApproximately(endS, 1e-9);
        (windows[^1].EndS - windows[^1].StartS).Should().BeLessThan((double)summary.Windows[^1].WidthS);
        windows.Take(windows.Count - 1).Should().AllSatisfy(w => (w.EndS - w.StartS).Should().BeApproximately((double)summary.Windows[0].WidthS, 1e-9));
    }

    [Theory]
    [InlineData("steady")]
    [InlineData("pressure_noleak")]
    public void GcCpuChart_Axis_FitsTheDataWithPercentTicksAndTheThreshold(string run)
    {
        var (windows, _, _) = Windows(run);
        var annotations = ChartAnnotations.None with { GcCpu = windows, GcPressureThreshold = 0.10 };
        var max = windows.Max(w => w.Total) * 100;

        using var plot = GcCpuChart.Build(annotations, ChartOptions.Default);
        var top = plot.Axes.GetLimits().Top;
        var svg = plot.GetSvgHtml(1200, 600);

        top.Should().BeGreaterThan(max, "the tallest window fits under the top");
        top.Should().BeGreaterThanOrEqualTo(GcCpuChart.MinAxisTopPercent);
        if (max < 10 * 0.25) top.Should().BeLessThan(Math.Max(max * 2, GcCpuChart.MinAxisTopPercent * 1.01), "a low-GC trace is not squashed under a fixed axis");
        svg.Should().Contain("stop-the-world").And.Contain("idle workers").And.Contain("gc-pressure threshold 10%");
        svg.Should().MatchRegex(@">\s*\d+(\.\d+)?%\s*<", "tick labels carry the percent sign");
    }

    [Fact]
    public void HeapSegments_MissingCyclesAndTimeJump_LineBrokenAtEachHole()
    {
        List<GcCycle> cycles = FixtureCycles.FromGo119Run("leak_global_map");
        // Cycles 10-12 lost, and from cycle 20 on the trace resumes 600 s later (the program stopped logging).
        var holed = cycles.Where(c => c.Number is < 10 or > 12)
            .Select(c => c.Number >= 20 ? c with { StartS = c.StartS + 600m } : c)
            .ToList();
        var series = new ChartSeries(4000);
        foreach (var c in holed) series.Add(c);

        var parts = HeapChart.Segments(series.Points(ChartMetric.HeapLiveMb), series.Gaps);

        series.Gaps.Should().HaveCount(2);
        parts.Should().HaveCount(3);
        parts.Sum(p => p.Count).Should().Be(series.Points(ChartMetric.HeapLiveMb).Count);
        parts[1].Should().OnlyContain(p => p.TimeS > (double)cycles.First(c => c.Number == 13).StartS - 1e-9 && p.TimeS < 600);
    }

    [Fact]
    public void HeapSegments_UnbrokenRealTrace_OneLine()
    {
        var series = new ChartSeries(4000);
        foreach (var c in FixtureCycles.FromGo119Run("steady")) series.Add(c);

        series.Gaps.Should().BeEmpty();
        HeapChart.Segments(series.Points(ChartMetric.HeapLiveMb), series.Gaps).Should().ContainSingle();
    }
}
