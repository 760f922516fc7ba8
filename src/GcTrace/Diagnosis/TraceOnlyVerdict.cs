// A first verdict from the gc trace alone: leak, gc-pressure, healthy or inconclusive.
using System.Globalization;
using static System.FormattableString;
using GcTrace.Analysis;

namespace GcTrace.Diagnosis;
/// <summary>
/// The trace shows how much survives each collection (the live heap, exact) and what the GC cost, not what is kept,
/// so this rule can say "what survives keeps growing" but never where; heap and goroutine profiles name suspects,
/// which is why it never says Confidence.High for a leak. The rules, each one sentence (docs/output-contract.md):
/// leak = the floor of the live heap (smallest per window) keeps rising after warm-up (lasting growth, see
/// <see cref="Trend.Lasting"/>), or the floor of the heap goal does where the goal resolves the live heap more finely
/// (see <see cref="GoalFloorTrend"/>); gc-pressure = the GC's cost (assist + background + STW, never idle) is material;
/// healthy = neither, at any GC rate; inconclusive = too few cycles to judge, saying what is missing.
/// </summary>
public sealed class TraceOnlyVerdict(DiagnosisOptions? options = null) : IVerdictRule
{
    private readonly DiagnosisOptions o = options ?? DiagnosisOptions.Default;

    private const string ProfilesHint =
        "Heap and goroutine profiles (--heap-profile, --goroutine-profile or --pprof) would name what grows and sharpen this verdict.";

    public Verdict Decide(TraceSummary findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var judged = Judge(findings);
        return judged with { Reasons = [.. judged.Reasons, ProfilesHint] };
    }

    /// <summary>The verdict without the hint about profiles (the diagnoser adds what the profiles say instead).</summary>
    public Verdict Judge(TraceSummary findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var gc = findings.Gc;
        var heap = findings.Heap;
        var cpu = findings.GcCpu;
        var floor = FloorTrend(heap);
        var goalFloor = GoalFloorTrend(heap);
        var costRun = LongestRunAtThreshold(cpu);
        var evidence = Evidence(heap, floor, goalFloor, costRun);
        var notes = Notes(findings);

        if (gc.Cycles < o.MinCycles)
        {
            return Make(VerdictKind.Inconclusive, Confidence.Low, evidence,
                [Invariant($"Only {gc.Cycles} GC cycle(s) in the trace; at least {o.MinCycles} are needed to judge a trend (a longer run, or a lower GOGC, gives more)."), .. notes]);
        }

        if (floor is null || floor.Points < o.MinFloorWindows)
        {
            return Make(VerdictKind.Inconclusive, Confidence.Low, evidence,
                [Invariant($"After warm-up (from {evidence.WarmUpEndS:0.#} s) the trace has cycles in only {evidence.FloorWindows ?? 0} window(s); at least {o.MinFloorWindows} are needed to see whether what survives each GC keeps growing."), .. notes]);
        }

        if (IsLastingGrowth(floor))
        {
            var strong = floor.Growth >= 2 * MinFloorGrowth(floor) && floor.Points >= 2 * o.MinFloorWindows;
            return Make(VerdictKind.Leak, strong ? Confidence.Medium : Confidence.Low, evidence,
                [FloorSentence(evidence, rising: true), .. notes]);
        }

        if (goalFloor is not null && IsLastingGoalGrowth(goalFloor))
        {
            // The live heap's whole-MB figure hides a slow leak that the goal, set from the exact live heap, shows.
            var strong = goalFloor.Growth >= 2 * MinGoalFloorGrowth(goalFloor) && goalFloor.Points >= 2 * o.MinFloorWindows;
            return Make(VerdictKind.Leak, strong ? Confidence.Medium : Confidence.Low, evidence,
                [GoalFloorSentence(evidence, heap.InferredGogc), .. notes]);
        }

        var pressure = PressureReasons(findings, costRun);
        if (pressure.Count > 0)
        {
            pressure.Add(FloorSentence(evidence, rising: false) + " The program allocates a lot of short-lived memory rather than keeping it.");
            return Make(VerdictKind.GcPressure, Confidence.Medium, evidence, [.. pressure, .. notes]);
        }

        var healthy = new List<string> { FloorSentence(evidence, rising: false) };
        if (WarmUpRise(evidence) is { } rise)
        {
            healthy.Add(rise);
        }

        healthy.Add(Invariant($"GC cost {Percent(cpu.CostFraction)} of the available CPU (assist + background + STW), below the {Percent(o.PressureCostFraction)} that makes it material."));
        return Make(VerdictKind.Healthy, gc.Cycles >= o.ConfidentHealthyCycles ? Confidence.Medium : Confidence.Low, evidence, [.. healthy, .. notes]);
    }

    /// <summary>The floor of the live heap after warm-up; null with fewer than two envelope windows.</summary>
    public Trend? FloorTrend(HeapSummary heap)
    {
        ArgumentNullException.ThrowIfNull(heap);
        return Trend.AfterWarmUp(heap.Envelope.Select(p => ((double)(p.StartS + (p.WidthS / 2m)), (double)p.LiveMbMin)), o.WarmUpShare);
    }

    /// <summary>
    /// The floor of the heap goal (smallest goal per window) after warm-up, or null when the goal does not follow the
    /// live heap more finely than its own figure: memory-limit signs (the limit sets the goal), an inferred GOGC below
    /// <see cref="DiagnosisOptions.MinGoalResolutionGogc"/>, or a window without a goal.
    /// </summary>
    public Trend? GoalFloorTrend(HeapSummary heap)
    {
        ArgumentNullException.ThrowIfNull(heap);
        if (heap.MemoryLimit.Suspected || heap.InferredGogc is not { } gogc || gogc < o.MinGoalResolutionGogc
            || heap.Envelope.Any(p => p.GoalMbMin is null))
        {
            return null;
        }

        return Trend.AfterWarmUp(heap.Envelope.Select(p => ((double)(p.StartS + (p.WidthS / 2m)), (double)p.GoalMbMin!.Value)), o.WarmUpShare);
    }

    /// <summary>Lasting growth of the goal's floor, by the floor's own rules in the goal's units: it is printed in whole
    /// MB too, and the drift allowance is relative.</summary>
    public bool IsLastingGoalGrowth(Trend goalFloor)
    {
        ArgumentNullException.ThrowIfNull(goalFloor);
        return goalFloor.Lasting(MinGoalFloorGrowth(goalFloor), o.MinRises, o.MinRiseShare);
    }

    /// <summary>Lasting growth of the floor: the robust growth after warm-up clears rounding and drift, most moves go up.</summary>
    public bool IsLastingGrowth(Trend floor)
    {
        ArgumentNullException.ThrowIfNull(floor);
        return floor.Lasting(MinFloorGrowth(floor), o.MinRises, o.MinRiseShare);
    }

    /// <summary>The floor growth after warm-up the trace cannot tell from rounding and drift (MB).</summary>
    public double MinFloorGrowth(Trend floor)
    {
        ArgumentNullException.ThrowIfNull(floor);
        return Math.Max(o.MinLeakGrowthMb, o.MinLeakGrowthShare * floor.Min);
    }

    private double MinGoalFloorGrowth(Trend goalFloor) => Math.Max(o.MinLeakGrowthMb, o.MinLeakGrowthShare * goalFloor.Min);

    private VerdictEvidence Evidence(HeapSummary heap, Trend? floor, Trend? goalFloor, int costRun) => new()
    {
        WarmUpEndS = floor is null ? null : Math.Round(floor.StartS, 3),
        FloorMbStart = heap.Envelope.Count > 0 ? heap.Envelope[0].LiveMbMin : null,
        FloorMbFirst = (long?)floor?.First,
        FloorMbLast = (long?)floor?.Last,
        FloorMbMin = (long?)floor?.Min,
        FloorMbMax = (long?)floor?.Max,
        FloorGrowthMb = floor is null ? null : Math.Round(floor.Growth, 3),
        FloorSpanS = floor is null ? null : Math.Round(floor.SpanS, 3),
        FloorWindows = floor?.Points,
        FloorRises = floor?.Rises,
        FloorFalls = floor?.Falls,
        FloorUpShare = floor is null ? null : Math.Round(floor.RiseShare, 3),
        CostWindowsAtThreshold = costRun,
        GoalFloorMbFirst = (long?)goalFloor?.First,
        GoalFloorMbLast = (long?)goalFloor?.Last,
        GoalFloorGrowthMb = goalFloor is null ? null : Math.Round(goalFloor.Growth, 3),
        GoalFloorWindows = goalFloor?.Points,
        GoalFloorRises = goalFloor?.Rises,
        GoalFloorFalls = goalFloor?.Falls,
        GoalFloorUpShare = goalFloor is null ? null : Math.Round(goalFloor.RiseShare, 3),
        GoalLiveGrowthMb = goalFloor is null || heap.InferredGogc is not { } gogc ? null : Math.Round(goalFloor.Growth / (1 + (gogc / 100.0)), 3),
    };

    // What the floor did after warm-up, in the numbers of the evidence block.
    private static string FloorSentence(VerdictEvidence e, bool rising) => rising
        ? Invariant($"After warm-up (from {e.WarmUpEndS:0.#} s) the floor of the live heap (the smallest live heap per window, what survives every GC) rose from {e.FloorMbFirst} MB to {e.FloorMbLast} MB, {e.FloorGrowthMb:0.#} MB by its robust slope over {e.FloorSpanS:0.#} s; it rose {e.FloorRises} times and fell {e.FloorFalls} times across {e.FloorWindows} windows, {e.FloorUpShare * 100:0}% of its movement upward: retained memory keeps growing.")
        : Invariant($"After warm-up (from {e.WarmUpEndS:0.#} s) the floor of the live heap (the smallest live heap per window) {FloorRange(e)} over {e.FloorSpanS:0.#} s ({e.FloorGrowthMb:0.#} MB by its robust slope; it rose {e.FloorRises} times and fell {e.FloorFalls} times across {e.FloorWindows} windows): no lasting growth.");

    private static string FloorRange(VerdictEvidence e) => e.FloorMbMin == e.FloorMbMax
        ? Invariant($"stayed at {e.FloorMbMin} MB")
        : Invariant($"stayed between {e.FloorMbMin} and {e.FloorMbMax} MB");

    private static string GoalFloorSentence(VerdictEvidence e, long? gogc) =>
        Invariant($"After warm-up (from {e.WarmUpEndS:0.#} s) the live heap's whole-MB figure barely moved, but the floor of the heap goal rose from {e.GoalFloorMbFirst} MB to {e.GoalFloorMbLast} MB, {e.GoalFloorGrowthMb:0.#} MB by its robust slope; it rose {e.GoalFloorRises} times and fell {e.GoalFloorFalls} times across {e.GoalFloorWindows} windows, {e.GoalFloorUpShare * 100:0}% of its movement upward. The runtime sets the goal from the exact live heap (inferred GOGC {gogc}), so the live heap grew by about {e.GoalLiveGrowthMb:0.##} MB: retained memory keeps growing, slowly.");

    // Growth during warm-up is said as such, so that "no lasting growth" never reads as "never grew".
    private string? WarmUpRise(VerdictEvidence e) =>
        e.FloorMbStart is { } start && e.FloorMbMin is { } min && min - start >= o.MinLeakGrowthMb
            ? Invariant($"Before that the floor rose from {start} MB to {min} MB and then stopped: a working set forming (caches, pools, loaded data) or growth that ended, a plateau rather than a leak.")
            : null;

    private List<string> PressureReasons(TraceSummary f, int costRun)
    {
        var cpu = f.GcCpu;
        var reasons = new List<string>();
        var cost = cpu.CostFraction ?? 0;
        var split = Invariant($"assist {Percent(cpu.AssistFraction)}, background {Percent(cpu.BackgroundFraction)}, STW {Percent(cpu.StwFraction)}");
        if (cost >= o.PressureCostFraction)
        {
            reasons.Add(Invariant($"GC cost {Percent(cpu.CostFraction)} of the available CPU ({split}), at or above the {Percent(o.PressureCostFraction)} that makes it material; it ran {f.Heap.GcPerS:0.#} cycles per second."));
        }
        else if (costRun >= o.SustainedWindows)
        {
            reasons.Add(Invariant($"GC cost was at or above {Percent(o.PressureCostFraction)} of the available CPU in {costRun} consecutive windows, although {Percent(cpu.CostFraction)} over the whole run ({split}): sustained pressure while the program was busy."));
        }
        else if ((cpu.AssistFraction ?? 0) >= o.HeavyAssistFraction)
        {
            reasons.Add(Invariant($"Mutator assists took {Percent(cpu.AssistFraction)} of the available CPU (at or above {Percent(o.HeavyAssistFraction)}): the program's own goroutines stop to help mark, so its latency pays; GC cost {Percent(cpu.CostFraction)} in all ({split})."));
        }
        else
        {
            return reasons;
        }

        var heap = f.Heap;
        if (heap.MemoryLimit.Suspected || heap.InferredGogc < o.LowGogc)
        {
            // The goal normally sits GOGC% above the live heap; hugging it means a memory limit or a tiny GOGC drives the GC.
            reasons.Add(Invariant($"The heap goal stays close to the live heap (inferred GOGC {heap.InferredGogc}{(heap.MemoryLimit.Suspected ? ", memory-limit signs" : string.Empty)}): a memory limit (GOMEMLIMIT) or a low GOGC makes the GC run back to back; more headroom trades memory for CPU."));
        }

        return reasons;
    }

    // Findings that never change the kind: forced cycles, idle marking, a high GC rate that costs little.
    private List<string> Notes(TraceSummary f)
    {
        var notes = new List<string>();
        if (f.Gc.Forced > 0)
        {
            notes.Add(Invariant($"Note: {f.Gc.Forced} of {f.Gc.Cycles} cycles forced: runtime.GC or debug.FreeOSMemory."));
        }

        var cost = f.GcCpu.CostFraction ?? 0;
        if (f.Heap.GcPerS is { } rate && rate >= o.HighGcRatePerS && cost < o.PressureCostFraction)
        {
            notes.Add(Invariant($"Note: the GC ran {rate:0.#} cycles per second, but at {Percent(f.GcCpu.CostFraction)} of the available CPU that is cheap: a small heap collected often, not pressure."));
        }

        if (f.GcCpu.IdleFraction is { } idle && idle > 0 && idle >= cost)
        {
            notes.Add(Invariant($"Note: idle mark workers used a further {Percent(f.GcCpu.IdleFraction)} of the CPU on processors the program left idle; that time was free and is not counted as GC cost."));
        }

        return notes;
    }

    private int LongestRunAtThreshold(GcCpuSummary cpu)
    {
        int best = 0, run = 0;
        foreach (var w in cpu.Windows)
        {
            run = w.CostFraction >= o.PressureCostFraction ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return best;
    }

    private static string Percent(double? fraction) =>
        fraction is { } f ? Invariant($"{f * 100:0.##}%") : "an unknown share";

    private static Verdict Make(VerdictKind kind, Confidence confidence, VerdictEvidence evidence, List<string> reasons) =>
        new(kind, confidence, reasons, []) { Evidence = evidence };

}
