// `GC forced`: sysmon's periodic 2-minute GC announces itself on the line before its gc line (gctrace-format.md §2.1).
namespace GcTrace.Events;

public sealed record GcForced(long Line) : TraceEvent(Line)
{
    public override string Kind => "gc-forced";
}
