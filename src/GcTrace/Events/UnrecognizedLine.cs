// A line that looked like trace output but could not be parsed: counted and passed through, never dropped.
namespace GcTrace.Events;

public sealed record UnrecognizedLine(long Line, string Text) : TraceEvent(Line)
{
    public override string Kind => "unrecognized";
}
