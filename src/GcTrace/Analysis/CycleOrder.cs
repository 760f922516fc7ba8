// Where one run of the program ends and another begins in a stream of gc lines.
using GcTrace.Events;

namespace GcTrace.Analysis;

internal static class CycleOrder
{
    /// <summary>
    /// A new segment starts when the gc number does not increase (a restarted program counts from 1 again; the
    /// runtime increments numgc before printing, gctrace-format.md §1.1) or the clock goes back (@S counts from runtime init).
    /// Logs of several runs concatenated, or a supervisor restarting the program into the same pipe, look like this.
    /// </summary>
    public static bool StartsNewSegment(GcCycle previous, GcCycle current) =>
        current.Number <= previous.Number || current.StartS < previous.StartS;

    /// <summary>The wall time the cycle took, all clock phases, in seconds.</summary>
    public static decimal ClockS(GcCycle cycle) =>
        (cycle.StwTotalMs + cycle.ConcurrentMs) / 1000m;
}
