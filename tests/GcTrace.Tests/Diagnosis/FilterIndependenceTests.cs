// Filters choose what is shown; the verdict, GC CPU and heap sections always use every cycle.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Diagnosis;

public class FilterIndependenceTests
{
    public static TheoryData<string, CycleFilter> Filters() => new()
    {
        { "runs/leak_map", new CycleFilter(MinStwMs: 1m) },                 // keeps only the slowest cycles
        { "runs/leak_map", new CycleFilter(SinceS: 6m) },                   // keeps the last few cycles: fewer than MinCycles
        { "runs/steady", new CycleFilter(MinStwMs: 1000m) },                // keeps no cycle at all
        { "runs/forced_periodic", new CycleFilter(Forced: ForcedFilter.Only) },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Summarize_WithAFilter_KeepsGcCpuHeapAndVerdictOfEveryCycle(string folder, CycleFilter filter)
    {
        var all = Analyze(folder, CycleFilter.None);
        var filtered = Analyze(folder, filter);
        var series = ProfiledRuns.Series(folder);

        filtered.GcCpu.Should().BeEquivalentTo(all.GcCpu);
        filtered.Heap.Should().BeEquivalentTo(all.Heap);
        filtered.Gc.Should().BeEquivalentTo(all.Gc);
        filtered.StwMs.Count.Should().BeLessThan(all.StwMs.Count, "the pause distribution is the section a filter selects");
        new Diagnoser(series).Decide(filtered).Should().BeEquivalentTo(new Diagnoser(series).Decide(all));
    }

    private static TraceSummary Analyze(string folder, CycleFilter filter)
    {
        var analyzer = new TraceAnalyzer { Filter = filter };
        foreach (var cycle in CollectingOutput.Scan(File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, folder, "combined.log"))).Output.Cycles)
        {
            analyzer.Add(cycle);
        }

        return analyzer.Summarize();
    }
}
