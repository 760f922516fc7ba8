// The base of every typed event the parser produces from a line of trace output.
namespace GcTrace.Events;

/// <summary>
/// One recognised piece of runtime output. <see cref="Line"/> is the 1-based input line number where the
/// event starts, so every event can be traced back to the text it came from.
/// </summary>
public abstract record TraceEvent(long Line)
{
    /// <summary>The event kind as written in <c>--events</c> output ("gc", "scav", ...).</summary>
    public abstract string Kind { get; }
}
