// `SCHED` lines printed under schedtrace=X (spec §3.2).
namespace GcTrace.Events;

/// <summary>
/// <see cref="NeedSpinning"/> exists from go1.20, <see cref="SchedTicks"/> from go1.25. <see cref="RunQueues"/> holds the
/// per-P run-queue lengths in P order. <see cref="Detail"/> is the rest of a scheddetail=1 line, kept as printed.
/// </summary>
public sealed record SchedEvent(
    long Line,
    long ElapsedMs,
    int GoMaxProcs,
    int IdleProcs,
    int Threads,
    int SpinningThreads,
    int? NeedSpinning,
    int IdleThreads,
    long RunQueue,
    IReadOnlyList<long> RunQueues,
    IReadOnlyList<long>? SchedTicks,
    string? Detail) : TraceEvent(Line)
{
    public override string Kind => "sched";
}
