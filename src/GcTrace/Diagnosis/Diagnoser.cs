// The verdict from the trace and, when there are any, the heap and goroutine profiles taken while it ran.
namespace GcTrace.Diagnosis;

using System.Globalization;
using static System.FormattableString;
using GcTrace.Analysis;
using GcTrace.Profiles;
using GcTrace.Source;

/// <summary>
/// The trace says whether what survives each GC keeps growing; the profiles say what it is. Without profiles this
/// is <see cref="TraceOnlyVerdict"/> unchanged. With them: goroutines piling up are a leak whatever the heap does (each
/// one pins its stack and everything it references); in-use growth at a user site (at least a quarter of the first
/// snapshot) is a leak when the trace calls a leak too or the growth is steady across snapshots (a batch sawtooth
/// goes up and down, so it is not);
/// otherwise the trace's pressure/healthy verdict stands and the profiles only add what allocates.
/// The store is read at each call, so the scraper may keep adding to it.
/// </summary>
public sealed class Diagnoser(ProfileStore? profiles = null, DiagnosisOptions? options = null, SourceLocator? sources = null) : IVerdictRule
{
    private readonly SuspectSiting siting = new(sources);
    private readonly DiagnosisOptions o = options ?? DiagnosisOptions.Default;
    private readonly TraceOnlyVerdict traceOnly = new(options);

    public Verdict Decide(TraceSummary findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var series = profiles?.Snapshot() ?? ProfileSnapshot.Empty;
        if (series.Heaps.Count < 2 && series.Goroutines.Count < 2)
        {
            // --pprof was given but gave too few profiles: say so instead of suggesting it.
            if (profiles?.Scrapes is not { } scrapes) return traceOnly.Decide(findings);
            var judged = traceOnly.Judge(findings);
            return judged with { Reasons = [.. judged.Reasons, ScrapesFell(scrapes)] };
        }

        var trace = traceOnly.Judge(findings);
        var traceReasons = trace.Reasons;
        var stacks = ProfileGrowth.StackGrowth(series);
        var goroutines = ProfileGrowth.GoroutineGrowth(series).Where(g => LeakPatternClassifier.IsGrowing(g, o)).ToList();
        var suspects = siting.Attach(LeakPatternClassifier.Classify(stacks, goroutines, o), series, goroutines);
        var totals = ProfileGrowth.InuseTotals(series);
        var heapSuspects = suspects
            .Where(s => goroutines.All(g => !Blames(g, s.Function)) && totals.Count >= 2 && s.GrowthBytes >= o.MinRelativeGrowth * totals[0])
            .ToList();
        var steady = SteadyRise(totals);
        var enough = series.Heaps.Count >= o.MinSnapshots || series.Goroutines.Count >= o.MinSnapshots;
        var reasons = new List<string>(traceReasons);

        if (goroutines.Count > 0)
        {
            var top = goroutines[0];
            reasons.Add(Invariant($"{goroutines.Sum(g => g.Growth)} goroutines piled up across {series.Goroutines.Count} goroutine profiles; the most at {top.Site} ({top.First} -> {top.Last}, waiting in {top.WaitState})."));
            reasons.AddRange(SuspectReasons(suspects, stacks));
            var agree = trace.Kind == VerdictKind.Leak || heapSuspects.Count > 0;
            return new Verdict(VerdictKind.Leak, enough ? (agree ? Confidence.High : Confidence.Medium) : Confidence.Low, reasons, suspects);
        }

        // Sampled heap profiles are noisy (a sample stands for MemProfileRate bytes, 512 KiB by default); the trace's live
        // heap is exact. When the trace does not call a leak, steady growth in the profiles counts only if the trace's floor
        // rises too or the growth is well above the sampling noise.
        var beyondNoise = heapSuspects.Count > 0 && heapSuspects[0].GrowthBytes >= o.NoiseSamples * SamplePeriod(series);
        if (heapSuspects.Count > 0 && (trace.Kind == VerdictKind.Leak || (steady && (findings.Heap.EnvelopeRising || beyondNoise))))
        {
            reasons.Add(Invariant($"inuse_space went from {Mib(totals[0])} to {Mib(totals[^1])} across {series.Heaps.Count} distinct heap profiles over {ProfileGrowth.HeapSpanS(series):0.#} s{(steady ? ", rising at nearly every step" : string.Empty)}."));
            reasons.AddRange(SuspectReasons(suspects, stacks));
            var confidence = !enough ? Confidence.Low : trace.Kind == VerdictKind.Leak && steady ? Confidence.High : Confidence.Medium;
            return new Verdict(VerdictKind.Leak, confidence, reasons, suspects);
        }

        // Not a leak: keep the trace's kind, say what the profiles showed, name pool churn as what to look at.
        var pool = siting.Attach(LeakPatternClassifier.PoolChurn(stacks, o), series, goroutines);
        if (totals.Count >= 2)
        {
            reasons.Add(Invariant($"inuse_space went from {Mib(totals[0])} to {Mib(totals[^1])} across {series.Heaps.Count} distinct heap profiles{(heapSuspects.Count > 0 ? " but the growth neither held across snapshots nor showed in the trace's floor (a sawtooth, not a leak)" : string.Empty)}; the goroutine count did not grow."));
        }

        if (pool.Count > 0)
        {
            reasons.Add(Invariant($"Most allocation goes through sync.Pool at {pool[0].Function} while in-use memory stays flat: the pool's New runs on most Gets, so this is pressure, not a leak (sync-pool-misuse)."));
        }

        if (series.IdenticalHeapsSkipped > 0)
        {
            reasons.Add(Invariant($"{series.IdenticalHeapsSkipped} heap profile(s) equal to the one before were ignored (no GC in between)."));
        }

        var kind = trace.Kind;
        var conf = trace.Confidence;
        if (kind == VerdictKind.Leak)
        {
            // The trace alone called a leak but nothing in the profiles grows: say so, and trust neither side fully.
            kind = VerdictKind.Inconclusive;
            conf = Confidence.Low;
            reasons.Add("The trace's live heap rose but no allocation site grew in the profiles; longer profiling would tell.");
        }
        else if (enough && kind != VerdictKind.Inconclusive)
        {
            conf = kind == VerdictKind.GcPressure && pool.Count == 0 && findings.Heap.MemoryLimit.Suspected ? Confidence.High : Raise(conf);
        }

        return new Verdict(kind, conf, reasons, pool);
    }

    private long SamplePeriod(ProfileSnapshot series) =>
        series.Heaps is { Count: > 0 } heaps && heaps[0].Period > 0 ? heaps[0].Period : o.DefaultSamplePeriod;

    private static bool Blames(GoroutineGrowth g, string function) => LeakPatternClassifier.GoroutineBlame(g) == function;

    private static IEnumerable<string> SuspectReasons(IReadOnlyList<Suspect> suspects, IReadOnlyList<StackGrowth> stacks) =>
        suspects.Take(3).Select(s => Invariant($"{s.Function} grew by {Mib(s.GrowthBytes)}: {Describe(s.Pattern)} ({ContractNames.Of(s.Pattern)}){(s.Evidence is { } code ? ": " + code : string.Empty)}."));

    private static string Describe(SuspectPattern pattern) => pattern switch
    {
        SuspectPattern.GoroutineLeak => "goroutines parked forever on a channel, select or lock",
        SuspectPattern.UnboundedMap => "memory held under map assignment, a map that only grows",
        SuspectPattern.TickerNotStopped => "timers or tickers that are never stopped",
        SuspectPattern.UnclosedResource => "readers, files or connections that are never closed",
        SuspectPattern.ClosureCapture => "memory retained by a func literal that captured it",
        SuspectPattern.SyncPoolMisuse => "allocation through a sync.Pool that does not reuse",
        SuspectPattern.UnboundedSlice => "a long-lived slice that is only appended to",
        SuspectPattern.TimerNotStopped => "timers created faster than they fire or are stopped",
        SuspectPattern.ContextNotCancelled => "derived contexts that are never cancelled, kept by their parent",
        SuspectPattern.SubslicePinsBuffer => "small sub-slices that keep whole buffers alive",
        _ => "in-use memory that keeps growing; the stack does not say why",
    };

    // Growth that holds at most steps is a leak's signature; a batch job's heap falls back between batches.
    private bool SteadyRise(IReadOnlyList<long> totals)
    {
        if (totals.Count < o.MinSnapshots)
        {
            return false;
        }

        var rises = 0;
        for (var i = 1; i < totals.Count; i++)
        {
            rises += totals[i] > totals[i - 1] ? 1 : 0;
        }

        return rises >= o.SteadyRiseShare * (totals.Count - 1) && totals[^1] > totals[0];
    }

    private static Confidence Raise(Confidence confidence) => confidence == Confidence.Low ? Confidence.Medium : Confidence.High;

    // "MB" as the runtime prints heap sizes (2^20 bytes) and with the reports' two decimals, so a reason and the
    // suspect line beside it show the same number in the same unit.
    private static string Mib(long bytes) => Invariant($"{bytes / 1048576.0:#,0.00} MB");

    // --pprof was given, so suggesting it would be wrong; say instead why its profiles did not count.
    private static string ScrapesFell(ScrapeTally scrapes) =>
        Invariant($"--pprof {scrapes.Endpoint} gave too few profiles to compare ({scrapes.Succeeded} of {scrapes.Attempts} scrapes succeeded), so this verdict rests on the trace alone.");
}
