// Measures a process segment's steady part (after warm-up) from its gc lines: the what-if model's inputs.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Tuning;

public static class SteadyStateEstimator
{
    /// <summary>The first fifth of a segment's cycles is warm-up: the live heap and the pacer settle over them.</summary>
    public const double WarmupShare = 0.2;

    /// <summary>At least the first two cycles are warm-up: the first has no previous cycle to pace from.</summary>
    public const int MinWarmupCycles = 2;

    /// <summary>Fewer steady cycles than this and one odd cycle moves a median.</summary>
    public const int MinSteadyCycles = 8;

    /// <summary>A live heap whose later half differs from its earlier half by more than a quarter is not steady.</summary>
    public const double MaxLiveDrift = 0.25;

    /// <summary>…or by more than this many MB, since the trace floors sizes to whole MB and small heaps jump by one.</summary>
    public const double MinLiveDriftMb = 2;

    /// <summary>Goals implying under half the usual GOGC on a quarter of the cycles mean a memory limit sets them.</summary>
    public const double CappedCycleShare = 0.25;

    public static (SteadyState? State, ModelLimit Limit) Estimate(IReadOnlyList<GcCycle> segment)
    {
        var first = Math.Max(MinWarmupCycles, (int)Math.Ceiling(segment.Count * WarmupShare));
        if (segment.Count - first < MinSteadyCycles)
        {
            return (null, ModelLimit.TooFewCycles);
        }

        var live = new List<double>();
        var goals = new List<double>();
        var peaks = new List<double>();
        var headrooms = new List<double>();
        var markAllocs = new List<double>();
        var roots = new List<double>();
        var stacks = new List<double>();
        var gogcs = new List<double>();
        double allocMb = 0, periodS = 0, availableMs = 0, costMs = 0;
        int cycles = 0, idleMarking = 0;
        for (var i = first; i < segment.Count; i++)
        {
            var previous = segment[i - 1];
            var cycle = segment[i];
            var period = (double)(cycle.StartS - previous.StartS);
            if (period <= 0)
            {
                continue;
            }

            cycles++;
            periodS += period;
            availableMs += period * 1000 * cycle.Procs;
            allocMb += (previous.HeapEndMb - previous.HeapStartMb) + Math.Max(0, cycle.HeapStartMb - previous.HeapLiveMb);
            costMs += (double)(cycle.CpuAssistMs + cycle.CpuBackgroundMs + cycle.CpuStwSweepTermMs + cycle.CpuStwMarkTermMs);
            if (cycle.CpuIdleMs > 0)
            {
                idleMarking++;
            }

            live.Add(cycle.HeapLiveMb);
            var rootsMb = Roots(cycle);
            roots.Add(rootsMb);
            stacks.Add(cycle.StacksMb ?? 0);
            if (cycle.Forced)
            {
                // A forced cycle starts when the program asks, not when the heap reaches the trigger.
                continue;
            }

            goals.Add(cycle.HeapGoalMb);
            peaks.Add(cycle.HeapStartMb);
            markAllocs.Add(Math.Max(0, cycle.HeapEndMb - cycle.HeapStartMb));
            headrooms.Add(Math.Max(0, cycle.HeapGoalMb - cycle.HeapStartMb));
            if (GogcInference.Implied(previous, cycle) is { } implied)
            {
                gogcs.Add(implied);
            }
        }

        if (cycles < MinSteadyCycles || goals.Count == 0)
        {
            return (null, ModelLimit.TooFewCycles);
        }

        var half = live.Count / 2;
        var earlier = Median(live.GetRange(0, half));
        var later = Median(live.GetRange(half, live.Count - half));
        var liveMb = Median(live);
        if (Math.Abs(later - earlier) > Math.Max(MaxLiveDrift * liveMb, MinLiveDriftMb))
        {
            return (null, ModelLimit.HeapNotSteady);
        }

        var goalMb = Median(goals);
        double gogc;
        if (gogcs.Count > 0)
        {
            gogc = Median(gogcs);
            var capped = gogcs.Count(g => g < gogc / 2);
            if (capped >= CappedCycleShare * gogcs.Count)
            {
                return (null, ModelLimit.MemoryLimitDrives);
            }
        }
        else
        {
            // A heap under the minimum: the goal is the runtime's 4 MB heap minimum scaled by GOGC/100.
            gogc = goalMb / WhatIfModel.HeapMinimumMb * 100;
        }

        // An idle mark worker runs only on a P that has nothing else to do, so the share of cycles without idle
        // marking is how often the program was using all of its cpu.
        var busy = 1 - idleMarking / (double)cycles;
        var allocRate = allocMb / periodS;
        var gcRate = cycles / periodS;
        var state = new SteadyState(
            cycles,
            segment[^1].Procs,
            gogc,
            liveMb,
            Median(roots),
            Median(stacks),
            goalMb,
            Median(peaks),
            Median(headrooms),
            Median(markAllocs),
            allocRate / gcRate,
            allocRate,
            gcRate,
            costMs / cycles,
            costMs / availableMs,
            busy);
        return (state, ModelLimit.None);
    }

    // go1.18+ counts stacks and globals in the goal and prints them; older formats print neither.
    private static double Roots(GcCycle cycle) => (cycle.StacksMb ?? 0) + (cycle.GlobalsMb ?? 0);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
