// Follows the gc numbers: gaps inside a run, restarts and interleaved processes, duplicates, forced cycles and format eras.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// gc N counts every cycle from 1 (gctrace-format.md §1.5), so a skipped number is a lost line, and a number that does not rise
/// (or a clock that goes back) is another run of the program. A log that starts mid-run (gc 40 first) is not a gap:
/// nothing says what came before. The cycles are first split into per-process series (<see cref="ProcessSplitter"/>):
/// gaps are counted inside each series, so two processes interleaved in one pipe are two segments, not a "restart" at
/// every line with the distance between their numbers counted as missing. Lists are capped so memory does not grow with
/// a pathological input.
/// </summary>
public sealed class CycleSequenceAnalyzer
{
    public const int MaxListed = 10;

    private readonly ProcessSplitter splitter = new();
    private readonly List<CycleRange> missingRanges = new();
    private readonly Dictionary<int, SeriesState> open = new();
    private readonly List<SegmentSummary> closed = new();
    private readonly SortedSet<GcFormat> formats = new();
    private GcCycle? previous;
    private long? firstCycle;
    private long cycles;
    private long forced;
    private long missing;
    private decimal closedSpanS;

    /// <summary>True once the gc lines of more than one process interleave (see <see cref="ProcessSplitter"/>).</summary>
    public bool Interleaved => splitter.Interleaved;

    /// <summary>The process series the cycle belongs to (see <see cref="ProcessSplitter.Assign"/>), or
    /// <see cref="ProcessSplitter.Duplicate"/> for an exact repeat, which is not counted.</summary>
    public int Add(GcCycle cycle)
    {
        var id = splitter.Assign(cycle);
        if (id == ProcessSplitter.Duplicate) return id;
        cycles++;
        firstCycle ??= cycle.Number;
        formats.Add(cycle.Format);
        if (cycle.Forced)
        {
            forced++;
        }

        if (!open.TryGetValue(id, out var series))
        {
            // The splitter keeps at most MaxOpenSeries series open; the oldest one here is then over for good.
            if (open.Count >= ProcessSplitter.MaxOpenSeries) Close(open.Keys.Min());
            open[id] = new SeriesState(cycle);
        }
        else
        {
            if (cycle.Number > series.Last.Number + 1)
            {
                var gap = cycle.Number - series.Last.Number - 1;
                missing += gap;
                series.Missing += gap;
                if (missingRanges.Count < MaxListed)
                {
                    missingRanges.Add(new CycleRange(series.Last.Number + 1, cycle.Number - 1));
                }
            }

            series.Last = cycle;
            series.Cycles++;
        }

        previous = cycle;
        return id;
    }

    /// <summary>The sequence so far. Does not change the analyzer, so it can be called mid-stream.</summary>
    public CycleSequenceSummary Summarize()
    {
        var list = new List<SegmentSummary>(closed);
        var span = closedSpanS;
        foreach (var (_, series) in open.OrderBy(kv => kv.Key))
        {
            var segment = series.Summary();
            span += segment.SpanS;
            if (list.Count < MaxListed)
            {
                list.Add(segment);
            }
        }

        var names = formats.Select(FormatNames.Of).ToList();
        return new CycleSequenceSummary(
            cycles,
            forced,
            firstCycle,
            previous?.Number,
            missing,
            span,
            names.Count switch { 0 => null, 1 => names[0], _ => "mixed" },
            missingRanges.ToList(),
            names,
            splitter.SeriesCount,
            list)
        {
            DuplicateCycles = splitter.Duplicates,
            Interleaved = splitter.Interleaved,
        };
    }

    private void Close(int id)
    {
        var segment = open[id].Summary();
        open.Remove(id);
        closedSpanS += segment.SpanS;
        if (closed.Count < MaxListed)
        {
            closed.Add(segment);
        }
    }

    private sealed class SeriesState(GcCycle first)
    {
        private readonly GcCycle first = first;

        public GcCycle Last { get; set; } = first;

        public long Cycles { get; set; } = 1;

        public long Missing { get; set; }

        public SegmentSummary Summary()
        {
            var end = Last.StartS + CycleOrder.ClockS(Last);
            return new SegmentSummary(first.Number, Last.Number, Cycles, Missing, first.StartS, end, end - first.StartS);
        }
    }
}
