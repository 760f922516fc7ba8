// CodePatterns: how the code reader's finding and the stacks' pattern combine into a suspect's pattern.
using GcTrace.Events;
using GcTrace.Source;

namespace GcTrace.Diagnosis;
/// <summary>
/// Stacks decide when library frames name the mechanism: a pool's Get, a reader or connection, a timer (which the
/// code may only sharpen from ticker to timer, even where it stops that timer on some path). Every other stack pattern is read from the shape of the evidence
/// (goroutines piling up, a func literal's frame, sizes that double) and says what grows, not why; there the code,
/// when it shows a pattern, decides. A look-alike in the code (the map has a delete) does not override the stacks, but
/// where the stacks name nothing it still names what grows: the profiles saw this site grow, so the release the code
/// has did not bound it (it runs on a path taken too rarely, or never). One exception: a reader's buffer the stacks
/// show (bufio.NewReaderSize) that the code keeps a view of is pinned by that view, closed source or not, so a kept
/// sub-slice the code shows names the cause.
/// </summary>
public static class CodePatterns
{
    public static SuspectPattern Of(SuspectPattern pattern) => pattern switch
    {
        SuspectPattern.GoroutineLeak => SuspectPattern.GoroutineLeak,
        SuspectPattern.ClosureCapture => SuspectPattern.ClosureCapture,
        SuspectPattern.SyncPoolMisuse => SuspectPattern.SyncPoolMisuse,
        SuspectPattern.UnboundedMap => SuspectPattern.UnboundedMap,
        SuspectPattern.TickerNotStopped => SuspectPattern.TickerNotStopped,
        SuspectPattern.UnclosedResource => SuspectPattern.UnclosedResource,
        SuspectPattern.UnboundedSlice => SuspectPattern.UnboundedSlice,
        SuspectPattern.TimerNotStopped => SuspectPattern.TimerNotStopped,
        SuspectPattern.ContextNotCancelled => SuspectPattern.ContextNotCancelled,
        SuspectPattern.SubslicePinsBuffer => SuspectPattern.SubslicePinsBuffer,
        _ => SuspectPattern.Unknown,
    };

    /// <summary>The suspect's pattern from its stacks' pattern and what the code at its site shows.</summary>
    public static SuspectPattern Decide(SuspectPattern fromStacks, CodeFinding? code)
    {
        if (code is null)
        {
            return fromStacks;
        }

        var fromCode = Of(code.Pattern);
        if (!code.Holds)
        {
            return fromStacks == SuspectPattern.Unknown ? fromCode : SharpenedTimer(fromStacks, fromCode);
        }

        return fromStacks switch
        {
            SuspectPattern.UnclosedResource when fromCode == SuspectPattern.SubslicePinsBuffer => fromCode,
            SuspectPattern.SyncPoolMisuse or SuspectPattern.UnclosedResource => fromStacks,
            SuspectPattern.TickerNotStopped => SharpenedTimer(fromStacks, fromCode),
            _ => fromCode,
        };
    }

    // The stacks see the runtime's timer under both a ticker and a one-shot timer; the line that made it says which,
    // whether or not the code stops it somewhere.
    private static SuspectPattern SharpenedTimer(SuspectPattern fromStacks, SuspectPattern fromCode) =>
        fromStacks == SuspectPattern.TickerNotStopped && fromCode == SuspectPattern.TimerNotStopped ? fromCode : fromStacks;
}
