// `SCHED` lines printed under schedtrace=X (gctrace-format.md §3.2).
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

    // By value, run queues and ticks included (a record compares a list by reference): two parses of a line are equal events.
    public bool Equals(SchedEvent? other) =>
        ReferenceEquals(this, other)
        || (other is not null && base.Equals(other) && ElapsedMs == other.ElapsedMs && GoMaxProcs == other.GoMaxProcs
            && IdleProcs == other.IdleProcs && Threads == other.Threads && SpinningThreads == other.SpinningThreads
            && NeedSpinning == other.NeedSpinning && IdleThreads == other.IdleThreads && RunQueue == other.RunQueue
            && RunQueues.SequenceEqual(other.RunQueues)
            && (SchedTicks is null ? other.SchedTicks is null : other.SchedTicks is not null && SchedTicks.SequenceEqual(other.SchedTicks))
            && string.Equals(Detail, other.Detail, StringComparison.Ordinal));

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), ElapsedMs, GoMaxProcs, Threads, RunQueue, RunQueues.Count, Detail);
}
