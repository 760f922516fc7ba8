// go1.14+ `scav` lines printed under scavtrace=1, every era (gctrace-format.md §2.2).
namespace GcTrace.Events;

/// <summary>
/// go1.14 and go1.19-1.20 print one work figure (<see cref="WorkKib"/>), go1.15-1.18 add a generation, go1.21+ split work into
/// background and eager. <see cref="ReleasedKib"/> is "KiB total" (before go1.21) or "KiB now" (go1.21+).
/// </summary>
public sealed record ScavEvent(
    long Line,
    long? Generation,
    long? WorkKib,
    long? WorkBgKib,
    long? WorkEagerKib,
    long ReleasedKib,
    int UtilPercent,
    bool Forced,
    bool ControllerReset) : TraceEvent(Line)
{
    public override string Kind => "scav";
}
