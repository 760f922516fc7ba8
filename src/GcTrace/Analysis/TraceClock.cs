// Turns each cycle's @S into a time that never goes back, across restarts, so windows can be laid end to end.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// Elapsed trace time: within a segment, seconds since the segment's first cycle, offset by the spans of the
/// segments before it (each ends at its last cycle's start plus that cycle's clock time). Kept in <see cref="Exact"/>
/// units: two decimal additions and a division per cycle and per analyzer were a large part of a gc-only run.
/// </summary>
internal sealed class TraceClock
{
    private GcCycle? previous;
    private Exact previousStart;
    private Exact segmentFirst;
    private Exact offset;

    /// <summary>True when the last cycle given to <see cref="Advance"/> started a new segment (or was the first).</summary>
    public bool NewSegment { get; private set; }

    /// <summary>The elapsed trace time of the last cycle's start.</summary>
    public Exact Elapsed { get; private set; }

    /// <summary>Sum of the spans of all segments so far, up to the end of the last cycle.</summary>
    public decimal SpanS => previous is null ? 0m : Elapsed.ToDecimal() + CycleOrder.ClockS(previous);

    public Exact Advance(GcCycle cycle)
    {
        var start = Exact.Of(cycle.StartS);
        NewSegment = previous is null || cycle.Number <= previous.Number || start.Units < previousStart.Units;
        if (NewSegment)
        {
            if (previous is not null)
            {
                // Rare: a restart. The decimal division keeps the scale decimal arithmetic would give the offset.
                offset = offset + (previousStart - segmentFirst) + Exact.Of(CycleOrder.ClockS(previous));
            }

            segmentFirst = start;
        }

        previous = cycle;
        previousStart = start;
        Elapsed = offset + start - segmentFirst;
        return Elapsed;
    }
}
