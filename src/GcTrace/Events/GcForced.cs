// `GC forced`: sysmon's periodic 2-minute GC announces itself on the line before its gc line (spec §2.1).
namespace GcTrace.Events;

public sealed record GcForced(long Line) : TraceEvent(Line)
{
    public override string Kind => "gc-forced";
}
