// Whether the heap goal stopped following live x (1 + GOGC/100), as it does when GOMEMLIMIT caps it.
namespace GcTrace.Analysis;

/// <param name="Suspected">True when at least one run of cycles had a goal well below the GOGC goal.</param>
/// <param name="Cycles">How many cycles had such a goal (within runs long enough to count).</param>
/// <param name="Ranges">The first few of those runs.</param>
public sealed record MemoryLimitSigns(bool Suspected, long Cycles, IReadOnlyList<CycleRange> Ranges);
