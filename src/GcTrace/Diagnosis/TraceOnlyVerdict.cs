// A first verdict from the gc trace alone: leak, gc-pressure, healthy or inconclusive.
namespace GcTrace.Diagnosis;

using System.Globalization;
using static System.FormattableString;
using GcTrace.Analysis;

/// <summary>
/// The trace shows how much survives each collection, not what it is, so this rule can say "the live heap keeps
/// growing" but never where; heap and goroutine profiles would name suspects and raise the confidence, which is
/// why it never says high. Its thresholds are in <see cref="DiagnosisOptions"/>.
/// </summary>
public sealed class TraceOnlyVerdict(DiagnosisOptions? options = null) : IVerdictRule
{
    private readonly DiagnosisOptions o = options ?? DiagnosisOptions.Default;

    private const string ProfilesHint =
        "Heap and goroutine profiles (--heap-profile, --goroutine-profile or --pprof) would name what grows and sharpen this verdict.";

    public Verdict Decide(TraceSummary findings)
    {
        var v = Judge(findings);
        return v with { Reasons = [.. v.Reasons, ProfilesHint] };
    }

    /// <summary>The verdict without the hint that profiles would help, for a rule that has the profiles.</summary>
    public Verdict Judge(TraceSummary findings)
    {
        var gc = findings.Gc;
        var heap = findings.Heap;
        var cpu = findings.GcCpu;
        if (gc.Cycles < o.MinCycles)
        {
            return Make(VerdictKind.Inconclusive, Confidence.Low,
                $"Only {gc.Cycles} GC cycle(s) in the trace; at least {o.MinCycles} are needed to judge a trend.");
        }

        var spanMin = (double)gc.SpanS / 60;
        var reference = Math.Max(heap.LiveMbMin ?? 0, o.MinReferenceMb);
        var liveGrowth = (heap.LiveSlopeMbPerMin ?? 0) * spanMin;
        var envelopeGrowth = (heap.EnvelopeSlopeMbPerMin ?? 0) * spanMin;
        if (heap.EnvelopeRising
            && liveGrowth >= o.LeakRelativeGrowth * reference
            && envelopeGrowth >= o.LeakRelativeGrowth * reference)
        {
            var strong = envelopeGrowth >= reference && heap.RobustSlopeMbPerMin > 0;
            return Make(VerdictKind.Leak, strong ? Confidence.Medium : Confidence.Low,
                Invariant($"The live heap rose from {heap.LiveMbFirst} MB to {heap.LiveMbLast} MB ({heap.LiveSlopeMbPerMin:0.###} MB/min by least squares) over {gc.SpanS:0.###} s."),
                Invariant($"The smallest live heap per window, what survives every collection, rose too ({heap.EnvelopeSlopeMbPerMin:0.###} MB/min), so this is not just a burst of allocation."));
        }

        var background = gc.Cycles - gc.Forced;
        var backgroundPerS = gc.SpanS > 0 ? background / (double)gc.SpanS : 0;
        if (cpu.Fraction >= o.PressureCpuFraction || backgroundPerS >= o.PressureCyclesPerS)
        {
            var reasons = new List<string>
            {
                Invariant($"GC used {Percent(cpu.Fraction)} of the available cpu and ran {backgroundPerS:0.#} background cycles per second."),
                Invariant($"The live heap stayed between {heap.LiveMbMin} and {heap.LiveMbMax} MB and {Floor(heap)}: the program allocates a lot of short-lived memory rather than keeping it."),
            };
            if (heap.MemoryLimit.Suspected || heap.InferredGogc < o.LowGogc)
            {
                // The goal normally sits GOGC% above the live heap; hugging it means a memory limit or a tiny GOGC drives the GC.
                reasons.Add(Invariant($"The heap goal stays close to the live heap (inferred GOGC {heap.InferredGogc}{(heap.MemoryLimit.Suspected ? ", memory-limit signs" : "")}): a memory limit (GOMEMLIMIT) or a low GOGC makes the GC run back to back; more headroom trades memory for CPU."));
            }
            return Make(VerdictKind.GcPressure, Confidence.Medium, [.. reasons]);
        }

        return Make(VerdictKind.Healthy, gc.Cycles >= o.ConfidentHealthyCycles ? Confidence.Medium : Confidence.Low,
            Invariant($"The live heap stayed between {heap.LiveMbMin} and {heap.LiveMbMax} MB and {Floor(heap)}; GC used {Percent(cpu.Fraction)} of the available cpu."));
    }

    // Says what the lower envelope did, since "not a leak" can still mean a floor that creeps up a little.
    private static string Floor(HeapSummary heap) => heap.EnvelopeRising
        ? Invariant($"its floor rose only a little ({heap.EnvelopeSlopeMbPerMin:0.###} MB/min), not enough to call a leak")
        : "its floor (the smallest live heap per window) did not rise";

    private static string Percent(double? fraction) =>
        fraction is { } f ? Invariant($"{f * 100:0.##}%") : "an unknown share";

    private static Verdict Make(VerdictKind kind, Confidence confidence, params string[] reasons) =>
        new(kind, confidence, reasons, []);

}
