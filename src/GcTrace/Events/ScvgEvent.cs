// go1.5-go1.13 scavenger lines printed under gctrace: `scvgK: N MB released` and the `inuse:` summary (gctrace-format.md §2.2).
namespace GcTrace.Events;

/// <summary>
/// <see cref="Sequence"/> is the sysmon counter K of <c>scvgK:</c> (-1 for debug.FreeOSMemory), null for go1.13's
/// <c>scvg:</c> and <c>forced scvg:</c>. A "released" line sets only <see cref="ReleasedMb"/>; a summary line sets the rest.
/// </summary>
public sealed record ScvgEvent(
    long Line,
    int? Sequence,
    bool Forced,
    long? ReleasedMb,
    long? InuseMb,
    long? IdleMb,
    long? SysMb,
    long? HeapReleasedMb,
    long? ConsumedMb) : TraceEvent(Line)
{
    public override string Kind => "scvg";
}
