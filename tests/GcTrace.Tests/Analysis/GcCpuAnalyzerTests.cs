// GcCpuAnalyzer: cpu over wall time x P, P weighted by how long it held, restarts and bounded windows.
using GcTrace.Analysis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Analysis;

public class GcCpuAnalyzerTests
{
    [Fact]
    public void Summarize_TwoCyclesOneSecondApart_DividesByIntervalTimesPPlusLastClock()
    {
        var analyzer = new GcCpuAnalyzer();
        // Clock 0.01 + 1 + 0.02 ms; stw cpu 0.02 + 0.04 with 2 P.
        analyzer.Add(Cycles.Make(1, 1.000m, assistMs: 1m, backgroundMs: 3m, idleMs: 2m));
        analyzer.Add(Cycles.Make(2, 2.000m, assistMs: 1m, backgroundMs: 3m, idleMs: 2m));

        var summary = analyzer.Summarize();

        const double available = 1000 * 2 + 1.03 * 2;
        summary.AvailableCpuMs.Should().Be(2002.06m);
        summary.GcCpuMs.Should().Be(2 * 6.06m);
        summary.Fraction!.Value.Should().BeApproximately(12.12 / available, 1e-6);
        summary.AssistFraction!.Value.Should().BeApproximately(2 / available, 1e-6);
        summary.BackgroundFraction!.Value.Should().BeApproximately(6 / available, 1e-6);
        summary.IdleFraction!.Value.Should().BeApproximately(4 / available, 1e-6);
        summary.StwFraction!.Value.Should().BeApproximately(0.12 / available, 1e-6);
    }

    [Fact]
    public void Summarize_ProcsChange_WeightsEachPByTheTimeBeforeItsCycle()
    {
        var analyzer = new GcCpuAnalyzer();
        analyzer.Add(Cycles.Make(1, 0m, procs: 2, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(2, 1m, procs: 8, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(3, 3m, procs: 4, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));

        analyzer.Summarize().AvailableCpuMs.Should().Be(1000m * 8 + 2000m * 4);
    }

    [Fact]
    public void Summarize_Restart_DoesNotCountTheTimeGoingBack()
    {
        var analyzer = new GcCpuAnalyzer();
        analyzer.Add(Cycles.Make(1, 5m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(2, 6m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(1, 0.5m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));
        analyzer.Add(Cycles.Make(2, 2.5m, markMs: 0m, stwSweepMs: 0m, stwMarkMs: 0m));

        analyzer.Summarize().AvailableCpuMs.Should().Be((1000m + 2000m) * 2);
    }

    [Fact]
    public void Summarize_LongTrace_WindowsStayBoundedAndAddUpToTheTotal()
    {
        var analyzer = new GcCpuAnalyzer(windowS: 1m, maxWindows: 8);
        for (var i = 0; i < 1000; i++)
        {
            analyzer.Add(Cycles.Make(i + 1, i * 0.7m, assistMs: 1m));
        }

        var summary = analyzer.Summarize();

        summary.Windows.Count.Should().BeLessThanOrEqualTo(8);
        summary.Windows.Sum(w => w.Cycles).Should().Be(1000);
        summary.Windows.Select(w => w.WidthS).Distinct().Should().ContainSingle().Which.Should().Be(128m);
        summary.Windows.Where(w => w.Fraction is not null).Should().NotBeEmpty();
    }

    [Fact]
    public void Summarize_NoCycles_FractionsAreNull()
    {
        var summary = new GcCpuAnalyzer().Summarize();

        summary.Fraction.Should().BeNull();
        summary.RuntimeCpuPctLast.Should().BeNull();
        summary.Windows.Should().BeEmpty();
    }
}
