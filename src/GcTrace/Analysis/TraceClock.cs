// Turns each cycle's @S into a time that never goes back, across restarts, so windows can be laid end to end.
namespace GcTrace.Analysis;

using GcTrace.Events;

/// <summary>
/// Elapsed trace time: within a segment, seconds since the segment's first cycle, offset by the spans of the
/// segments before it (each ends at its last cycle's start plus that cycle's clock time).
/// </summary>
internal sealed class TraceClock
{
    private GcCycle? previous;
    private decimal segmentFirstS;
    private decimal offsetS;

    /// <summary>True when the last cycle given to <see cref="Advance"/> started a new segment (or was the first).</summary>
    public bool NewSegment { get; private set; }

    /// <summary>The elapsed trace time of the previous cycle's start, if there was one in the same segment.</summary>
    public decimal? PreviousElapsedS { get; private set; }

    /// <summary>Sum of the spans of all segments so far, up to the end of the last cycle.</summary>
    public decimal SpanS { get; private set; }

    public decimal Advance(GcCycle cycle)
    {
        NewSegment = previous is null || CycleOrder.StartsNewSegment(previous, cycle);
        if (NewSegment)
        {
            if (previous is not null)
            {
                offsetS += previous.StartS - segmentFirstS + CycleOrder.ClockS(previous);
            }

            segmentFirstS = cycle.StartS;
            PreviousElapsedS = null;
        }
        else
        {
            PreviousElapsedS = offsetS + previous!.StartS - segmentFirstS;
        }

        previous = cycle;
        var elapsed = offsetS + cycle.StartS - segmentFirstS;
        SpanS = elapsed + CycleOrder.ClockS(cycle);
        return elapsed;
    }
}
