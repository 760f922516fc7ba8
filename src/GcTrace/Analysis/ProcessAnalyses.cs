// One analysis per process, when the gc lines of several processes interleave in one stream.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// The whole-stream analysis mixes interleaved processes (one heap growing 2 -> 300 MB beside a steady one reads as a
/// sawtooth), so once the splitter sees interleaving each process gets a <see cref="TraceAnalyzer"/> of its own. Most
/// streams never interleave and this costs them nothing but the first <see cref="EarlyCycles"/> cycles kept for replay:
/// interleaving shows within a few cycles of the second process's start, and the replay gives each process its cycles
/// from the beginning. A second process that joins later than that is analysed from the cycle where it showed
/// (<see cref="SplitFromLine"/>).
/// </summary>
public sealed class ProcessAnalyses(CycleFilter filter)
{
    /// <summary>Cycles kept until interleaving shows or this many have passed: ~1.5 MB of records at most.</summary>
    public const int EarlyCycles = 4096;

    /// <summary>Processes analysed apart at most; as many as the splitter keeps open.</summary>
    public const int MaxProcesses = ProcessSplitter.MaxOpenSeries;

    private List<(int Series, GcCycle Cycle)>? early = [];
    private SortedDictionary<int, TraceAnalyzer>? analyzers;

    /// <summary>The input line from which the per-process analyses start, when the early cycles were no longer kept.</summary>
    public long? SplitFromLine { get; private set; }

    public void Add(GcCycle cycle, int series, bool interleaved)
    {
        if (analyzers is null)
        {
            if (early is not null)
            {
                early.Add((series, cycle));
                if (early.Count > EarlyCycles) early = null;
            }

            if (!interleaved) return;
            analyzers = new();
            if (early is null)
            {
                SplitFromLine = cycle.Line;
                Of(series)?.Add(cycle);
            }
            else
            {
                foreach (var (s, c) in early) Of(s)?.Add(c);
            }

            early = null;
            return;
        }

        Of(series)?.Add(cycle);
    }

    /// <summary>One summary per process in order of appearance; empty unless processes interleave.</summary>
    public IReadOnlyList<TraceSummary> Summarize() => analyzers?.Values.Select(a => a.Summarize()).ToList() ?? [];

    private TraceAnalyzer? Of(int series)
    {
        if (analyzers!.TryGetValue(series, out var analyzer)) return analyzer;
        if (analyzers.Count >= MaxProcesses) return null;
        analyzer = new TraceAnalyzer { Filter = filter, SplitsProcesses = false };
        analyzers[series] = analyzer;
        return analyzer;
    }
}
