// What a trace with too few GC cycles for a trend still says exactly: whether the live heap rose at every window
// through the last one, or had stopped rising by its last one.
using GcTrace.Analysis;

namespace GcTrace.Diagnosis;
/// <summary>
/// A program that keeps what it allocates from a small heap doubles its live heap between collections (the goal is
/// the live heap times 1 + GOGC/100), so its GCs come geometrically further apart and a run of seconds has only a
/// handful of them, fewer than a trend needs. Two exact facts remain in the floor of the live heap (the smallest live
/// heap per window): it rose at every window through the last one (a leak, or a working set still forming), or the
/// last window's floor was no higher than the one before although the profiles' rate would have raised it (the growth
/// had stopped by then).
/// </summary>
public sealed class FewCycleFloor(DiagnosisOptions options)
{
    /// <summary>The floor rose at every window from the first to the last, across at least
    /// <see cref="DiagnosisOptions.MinFloorWindows"/> windows and <see cref="DiagnosisOptions.MinFastCycles"/> cycles,
    /// by more than the trace's rounding and drift in all; or across <see cref="DiagnosisOptions.MinSteppedFastCycles"/>
    /// cycles when every window rose by at least <see cref="DiagnosisOptions.MinLeakGrowthMb"/>.</summary>
    public bool RoseAtEveryWindow(HeapSummary heap, long cycles)
    {
        ArgumentNullException.ThrowIfNull(heap);
        var e = heap.Envelope;
        if (cycles < options.MinSteppedFastCycles || e.Count < options.MinFloorWindows)
        {
            return false;
        }

        // Below MinFastCycles every step must clear the trace's rounding on its own, not merely go up.
        var minStep = cycles < options.MinFastCycles ? options.MinLeakGrowthMb : 0;
        for (var i = 1; i < e.Count; i++)
        {
            var step = e[i].LiveMbMin - e[i - 1].LiveMbMin;
            if (step <= 0 || step < minStep)
            {
                return false;
            }
        }

        var growth = e[^1].LiveMbMin - e[0].LiveMbMin;
        return growth >= Math.Max(options.MinLeakGrowthMb, options.MinLeakGrowthShare * e[0].LiveMbMin);
    }

    /// <summary>The last window's floor is no higher than the one before, although growth at
    /// <paramref name="bytesPerS"/> would have raised it by at least <see cref="DiagnosisOptions.MinLeakGrowthMb"/>
    /// (what the trace's whole-MB figures can show) between the two windows: by the last GC the live heap had stopped
    /// rising at that rate.</summary>
    public bool StoppedByLastWindow(HeapSummary heap, double bytesPerS)
    {
        ArgumentNullException.ThrowIfNull(heap);
        var e = heap.Envelope;
        if (e.Count < 2 || e[^1].LiveMbMin > e[^2].LiveMbMin)
        {
            return false;
        }

        var stepS = (double)((e[^1].StartS + (e[^1].WidthS / 2m)) - (e[^2].StartS + (e[^2].WidthS / 2m)));
        return bytesPerS * stepS >= options.MinLeakGrowthMb * 1048576;
    }
}
