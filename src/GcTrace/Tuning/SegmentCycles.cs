// Keeps the recent cycles of the current process segment for the what-if model, in bounded memory.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Tuning;
/// <summary>
/// The model describes the program as it runs now, so it is fitted to the last segment (a restart starts afresh)
/// and to its most recent <see cref="MaxCycles"/> cycles: plenty for medians, and an endless pipe stays bounded.
/// </summary>
public sealed class SegmentCycles
{
    /// <summary>Enough cycles for stable medians; at ~400 bytes a cycle, well under a megabyte.</summary>
    public const int MaxCycles = 2048;

    private readonly Queue<GcCycle> cycles = new();
    private GcCycle? last;

    /// <summary>True when the buffer has dropped cycles from its start: warm-up is then long past.</summary>
    public bool Trimmed { get; private set; }

    public void Add(GcCycle cycle)
    {
        if (last is not null && CycleOrder.StartsNewSegment(last, cycle))
        {
            cycles.Clear();
            Trimmed = false;
        }

        if (cycles.Count == MaxCycles)
        {
            cycles.Dequeue();
            Trimmed = true;
        }

        cycles.Enqueue(cycle);
        last = cycle;
    }

    public IReadOnlyList<GcCycle> Snapshot() => cycles.ToArray();
}
