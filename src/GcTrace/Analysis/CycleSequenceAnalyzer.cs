// Follows the gc numbers: gaps inside a run, restarts that begin a new run, forced cycles and format eras.
namespace GcTrace.Analysis;

using GcTrace.Events;

/// <summary>
/// gc N counts every cycle from 1 (spec §1.5), so a skipped number is a lost line, and a number that does not rise
/// (or a clock that goes back) is another run of the program. A log that starts mid-run (gc 40 first) is not a gap:
/// nothing says what came before. Lists are capped so memory does not grow with a pathological input.
/// </summary>
public sealed class CycleSequenceAnalyzer
{
    public const int MaxListed = 10;

    private readonly List<CycleRange> missingRanges = new();
    private readonly List<SegmentSummary> segments = new();
    private readonly SortedSet<GcFormat> formats = new();
    private GcCycle? segmentFirst;
    private GcCycle? previous;
    private long? firstCycle;
    private long cycles;
    private long forced;
    private long missing;
    private long segmentCycles;
    private long segmentMissing;
    private long segmentCount;
    private decimal closedSpanS;

    public void Add(GcCycle cycle)
    {
        cycles++;
        firstCycle ??= cycle.Number;
        formats.Add(cycle.Format);
        if (cycle.Forced)
        {
            forced++;
        }

        if (previous is null || CycleOrder.StartsNewSegment(previous, cycle))
        {
            if (previous is not null)
            {
                var closed = Segment();
                closedSpanS += closed.SpanS;
                if (segments.Count < MaxListed)
                {
                    segments.Add(closed);
                }
            }

            segmentCount++;
            segmentFirst = cycle;
            segmentCycles = 0;
            segmentMissing = 0;
        }
        else if (cycle.Number > previous.Number + 1)
        {
            var gap = cycle.Number - previous.Number - 1;
            missing += gap;
            segmentMissing += gap;
            if (missingRanges.Count < MaxListed)
            {
                missingRanges.Add(new CycleRange(previous.Number + 1, cycle.Number - 1));
            }
        }

        segmentCycles++;
        previous = cycle;
    }

    /// <summary>The sequence so far. Does not change the analyzer, so it can be called mid-stream.</summary>
    public CycleSequenceSummary Summarize()
    {
        var list = new List<SegmentSummary>(segments);
        var span = closedSpanS;
        if (previous is not null)
        {
            var open = Segment();
            span += open.SpanS;
            if (list.Count < MaxListed)
            {
                list.Add(open);
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
            segmentCount,
            list);
    }

    private SegmentSummary Segment()
    {
        var end = previous!.StartS + CycleOrder.ClockS(previous);
        return new SegmentSummary(
            segmentFirst!.Number,
            previous.Number,
            segmentCycles,
            segmentMissing,
            segmentFirst.StartS,
            end,
            end - segmentFirst.StartS);
    }
}
