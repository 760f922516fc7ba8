// Predicts GC rate, cost, goal and peak heap under another GOGC/GOMEMLIMIT from a trace's steady state.
namespace GcTrace.Tuning;

/// <summary>
/// The go1.18+ pacer (runtime/mgcpacer.go, the Go GC guide), fed with what the trace measured:
/// <list type="bullet">
/// <item>goal = live + (live + stacks + globals) x GOGC/100, at least the 4 MB heap minimum x GOGC/100; a memory
/// limit caps it;</item>
/// <item>a cycle starts when the heap is the expected mark-phase allocation short of the goal, kept between 70 % and
/// 95 % of the way from live to goal (or 4 MB short of a larger goal): that is the peak heap at GC start;</item>
/// <item>marking ends near the goal, so each cycle the program allocates about goal − live (the measured ratio of the
/// two carries over), and never less than one mark phase's allocation; cycles per second = allocation rate / that;</item>
/// <item>what a cycle costs in cpu is set by what it scans (live heap, stacks, globals), which GOGC does not change,
/// so cost = cycles per second x measured cost per cycle, capped by the GC cpu limiter at 50 %;</item>
/// <item>a program that used all its cpu allocates in proportion to the cpu the GC leaves it, so its allocation rate
/// moves with the cost; a program paced by its requests keeps its rate.</item>
/// </list>
/// The live heap is taken as fixed: GOGC changes how much garbage accumulates, not what is reachable.
/// </summary>
public static class WhatIfModel
{
    /// <summary>The runtime's heap minimum at GOGC=100 (heapMinimum = 4 MB x GOGC/100; defaultHeapMinimum).</summary>
    public const double HeapMinimumMb = 4;

    /// <summary>The pacer never triggers earlier than 70 % of the way from live heap to goal (minTriggerRatioNum).</summary>
    public const double MinTriggerRatio = 0.7;

    /// <summary>…nor later than 95 % of the way, unless the goal is more than 4 MB larger (maxTriggerRatioNum).</summary>
    public const double MaxTriggerRatio = 0.95;

    /// <summary>The GC cpu limiter (go1.19+) keeps GC cpu at or under half of the available cpu.</summary>
    public const double CpuLimiterCap = 0.5;

    /// <summary>The runtime subtracts headroom from the limit's goal for pacing error (memoryLimitHeapGoalHeadroom, 1 MiB).</summary>
    public const double LimitHeadroomMb = 1;

    /// <summary>
    /// Mapped memory beyond the heap's bytes (span fragmentation, runtime metadata, pages not yet released) is
    /// commonly a tenth or more of the heap; a limit under the predicted peak plus this much binds.
    /// </summary>
    public const double MappedOverheadFraction = 0.1;

    // The allocation rate and the cost depend on each other for a cpu-bound program; a few rounds settle them.
    private const int FixedPointRounds = 16;

    public static WhatIfPrediction Predict(SteadyState s, GcSetting setting)
    {
        var notes = new List<string>();
        var gogc = setting.GogcOff ? (double?)null : setting.Gogc ?? s.Gogc;
        double? goal = gogc is { } g ? Math.Max(s.LiveMb + (s.LiveMb + s.RootsMb) * g / 100, HeapMinimumMb * g / 100) : null;
        var basis = PredictionBasis.Estimate;
        if (setting.MemoryLimitBytes is { } limitBytes)
        {
            var limitMb = limitBytes / (double)(1 << 20);
            var mappedAtPeak = goal is { } unlimited ? (unlimited + s.StacksMb) * (1 + MappedOverheadFraction) : double.PositiveInfinity;
            if (limitMb < mappedAtPeak)
            {
                // The limit counts memory the trace does not show, so its goal is at most this, perhaps much less.
                var limitGoal = Math.Max(s.LiveMb, limitMb - s.StacksMb - LimitHeadroomMb);
                goal = goal is { } gg ? Math.Min(gg, limitGoal) : limitGoal;
                basis = PredictionBasis.Bound;
                notes.Add("the memory limit sets the goal and also counts memory the trace does not show: goal and peak are upper bounds, GC rate and cost lower bounds");
                if (limitGoal <= s.LiveMb)
                {
                    notes.Add("the limit leaves no room above the live heap: cycles run back to back and the heap may exceed the limit");
                }
            }
        }

        if (goal is not { } target)
        {
            notes.Add("with GOGC=off and no memory limit the heap grows without bound; only the runtime's 2-minute forced cycles run");
            return new WhatIfPrediction(setting, 0, 0, null, null, basis, notes);
        }

        var allocRate = s.AllocMbPerS;
        double gcPerS = 0, cost = 0;
        for (var round = 0; round < FixedPointRounds; round++)
        {
            var markAlloc = s.MarkAllocMb * allocRate / s.AllocMbPerS;
            var perCycle = Math.Max(AllocationRatio(s) * (target - s.LiveMb), markAlloc);
            gcPerS = perCycle > 0 ? allocRate / perCycle : 0;
            cost = Math.Min(CpuLimiterCap, gcPerS * s.CostMsPerCycle / (1000.0 * s.Procs));
            allocRate = s.AllocMbPerS * (1 + s.MutatorBusy * ((1 - cost) / (1 - Math.Min(s.CostFraction, CpuLimiterCap)) - 1));
        }

        if (cost >= CpuLimiterCap)
        {
            notes.Add("the GC cpu limiter caps the cost at 50 %; the heap then grows past its goal");
        }

        var peak = Trigger(s.LiveMb, target, s.TriggerHeadroomMb * allocRate / s.AllocMbPerS);
        return new WhatIfPrediction(setting, gcPerS, cost, target, peak, basis, notes);
    }

    /// <summary>The heap at which the pacer starts a cycle (runtime/mgcpacer.go, trigger()).</summary>
    public static double Trigger(double live, double goal, double headroom)
    {
        var runway = Math.Max(0, goal - live);
        var min = live + MinTriggerRatio * runway;
        var max = live + MaxTriggerRatio * runway;
        if (goal > HeapMinimumMb && goal - HeapMinimumMb > max)
        {
            max = goal - HeapMinimumMb;
        }

        return Math.Clamp(goal - headroom, min, Math.Max(min, max));
    }

    // What the program allocated per cycle over goal − live: the pacer's error, MB flooring and floating garbage,
    // carried over to the predicted setting as a ratio.
    private static double AllocationRatio(SteadyState s) =>
        s.GoalMb > s.LiveMb ? s.AllocPerCycleMb / (s.GoalMb - s.LiveMb) : 1;
}
