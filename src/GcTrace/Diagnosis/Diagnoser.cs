// The verdict from the trace and, when there are any, the heap and goroutine profiles taken while it ran.
using System.Globalization;
using static System.FormattableString;
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Profiles;
using GcTrace.Source;

namespace GcTrace.Diagnosis;
/// <summary>
/// The trace says whether what survives each GC keeps growing and what the GC costs; the profiles say what grows.
/// Without profiles this is <see cref="TraceOnlyVerdict"/>. With them, every series is judged by its trend after the
/// profiles' warm-up (the first third of their time span), never first snapshot against last:
/// a (stack, wait state) group of goroutines whose count keeps rising is a leak whatever the heap does; in-use memory
/// at a site that keeps rising is a leak unless the trace's floor falls, or the trace judged the floor flat and the
/// site grew, beyond its noise, more than the live heap can hold; a trace with too few cycles whose floor still rises
/// in the lasting shape is a leak (low confidence) when a site grew across the profiles beyond its noise in the same
/// shape; the trace's lasting growth with no site growing steadily in enough snapshots is inconclusive; otherwise the
/// trace's pressure/healthy verdict stands.
/// Suspects are ranked by their growth after warm-up, not by their size. The store is read at each call, so the
/// scraper may keep adding to it.
/// </summary>
public sealed class Diagnoser(ProfileStore? profiles = null, DiagnosisOptions? options = null, SourceLocator? sources = null) : IVerdictRule
{
    private readonly SuspectSiting siting = new(sources);
    private readonly DiagnosisOptions o = options ?? DiagnosisOptions.Default;
    private readonly TraceOnlyVerdict traceOnly = new(options);
    private readonly FewCycleFloor fewCycles = new(options ?? DiagnosisOptions.Default);

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
        var floor = traceOnly.FloorTrend(findings.Heap);
        var traceLeak = trace.Kind == VerdictKind.Leak;
        var floorFalling = floor is not null && trace.Kind != VerdictKind.Inconclusive && floor.Growth <= -Math.Max(o.MinLeakGrowthMb, o.MinLeakGrowthShare * floor.Min);

        var heapTimes = ProfileGrowth.HeapTimes(series);
        var profileSpan = heapTimes.Count >= 2 ? heapTimes[^1] - heapTimes[0] : 0;
        var period = SamplePeriod(series);
        var noise = Math.Max(o.MinHeapGrowthBytes, o.NoiseSamples * period);
        var siteSeries = ProfileGrowth.InuseSeries(series, s => Frames.IsProfilerOwn(s) ? null : LeakPatternClassifier.Blame(s));
        var siteTrends = siteSeries.ToDictionary(kv => kv.Key, kv => Trend.AfterWarmUp(kv.Value, o.WarmUpShare), StringComparer.Ordinal);
        var judgedHeaps = siteTrends.Values.FirstOrDefault(t => t is not null)?.Points ?? 0;
        var lastingSites = siteTrends
            .Where(kv => kv.Value is { } t && t.Points >= o.MinSnapshots && t.Lasting(SiteNoise(t, noise, period), o.MinRises, o.MinRiseShare))
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);

        // A flat trace bounds what any site can have kept: the live heap holds every retained byte, so a site whose
        // growth, even less its sampling noise, exceeds what the floor grew plus what the trace cannot resolve is showing
        // a different sample of objects that turn over, not memory kept.
        var traceBoundBytes = TraceBoundBytes(trace, floor);
        var unheld = traceBoundBytes is { } bound
            ? lastingSites.Where(kv => kv.Value.Growth - SiteNoise(kv.Value, noise, period) > bound).Select(kv => kv.Key).ToList()
            : [];
        foreach (var function in unheld)
        {
            lastingSites.Remove(function);
        }

        // With fewer goroutine profiles after warm-up than a trend needs (a user who took three), every profile is
        // judged: goroutine counts are exact, not sampled, and a pool that sized itself during warm-up rises once and
        // stops, which the rule of several rises still tells from a group that keeps piling up.
        var afterWarmUp = ProfileGrowth.GoroutineGrowth(series, o.WarmUpShare);
        var goroutines = (afterWarmUp.FirstOrDefault()?.Trend?.Points ?? 0) < o.MinSnapshots && series.Goroutines.Count >= o.MinSnapshots
                ? ProfileGrowth.GoroutineGrowth(series, 0)
                : afterWarmUp;
        goroutines = goroutines
            .Select(g => g with { Lasting = IsLastingGoroutines(g) })
            .ToList();
        var lastingGoroutines = goroutines.Where(g => LeakPatternClassifier.IsGrowing(g, o)).ToList();
        var judgedGoroutines = goroutines.FirstOrDefault()?.Trend?.Points ?? 0;

        var evidence = trace.Evidence with
        {
            HeapSnapshots = series.Heaps.Count,
            HeapSnapshotsAfterWarmUp = judgedHeaps,
            GoroutineSnapshots = series.Goroutines.Count,
            GoroutineSnapshotsAfterWarmUp = judgedGoroutines,
            ProfileSpanS = Math.Round(profileSpan, 3),
            ProfileWarmUpEndS = Math.Round(o.WarmUpShare * profileSpan, 3),
            ProfileNoiseBytes = (long)noise,
        };

        var stacks = ProfileGrowth.StackGrowth(series);
        var classified = LeakPatternClassifier.Classify(stacks, lastingGoroutines, o);
        // Siting reads profiles and source files: only the suspects a verdict returns are sited.
        // A code reading that goroutines park forever holds where any group rose, even too slowly to be a suspect.
        var risingGoroutines = goroutines.Where(g => g.Growth > 0).ToList();
        IReadOnlyList<Suspect> Sited(IReadOnlyList<Suspect> found) => siting.Attach(found, series, lastingGoroutines, risingGoroutines);
        var reasons = new List<string>(trace.Reasons);

        // The trace's floor after warm-up rose in the shape of lasting growth: either the trace called the leak, or it
        // had too few cycles to judge alone.
        var shortRise = trace.Kind == VerdictKind.Inconclusive && findings.Gc.Cycles < o.MinCycles
            && floor is not null && floor.Points >= o.MinFloorWindows && traceOnly.IsLastingGrowth(floor);

        // Too few cycles for the trace's own trend, yet its live heap rose at every window through the last: a fast
        // leak from a small heap doubles it at each GC, so its GCs space out geometrically and stay few.
        var fastRise = trace.Kind == VerdictKind.Inconclusive && !shortRise && fewCycles.RoseAtEveryWindow(findings.Heap, findings.Gc.Cycles);

        // A heap profile reports allocations up to two GCs old (runtime.MemProfile), so when a trace too short to judge
        // shows the live heap no higher at its last window than at the one before, although the sites' growth rate
        // would have raised it by more than the trace's rounding over that step, their last rises in the profiles are
        // that past (a working set that finished forming), not growth that goes on.
        var stalled = trace.Kind == VerdictKind.Inconclusive && lastingSites.Count > 0
            && fewCycles.StoppedByLastWindow(findings.Heap, lastingSites.Values.Max(t => t.SpanS > 0 ? t.Growth / t.SpanS : 0));

        if (lastingGoroutines.Count > 0)
        {
            var group = lastingGoroutines[0];
            evidence = evidence with { GroupFirst = group.First, GroupLast = group.Last, GroupRises = group.Trend!.Rises, GroupFalls = group.Trend.Falls };
            reasons.Add(GoroutineSentence(group, evidence));
            var suspects = Sited(HoldersFirst(Rank(classified, lastingSites, lastingGoroutines), stacks, lastingGoroutines));
            reasons.AddRange(SuspectReasons(suspects));
            var agree = traceLeak || lastingSites.Count > 0;
            return new Verdict(VerdictKind.Leak, agree ? Confidence.High : Confidence.Medium, reasons, suspects) { Evidence = evidence };
        }

        if (lastingSites.Count > 0 && !floorFalling && !stalled)
        {
            var top = lastingSites.OrderByDescending(kv => kv.Value.Growth).First();
            evidence = evidence with { SiteGrowthBytes = (long)Math.Round(top.Value.Growth), SiteRises = top.Value.Rises, SiteFalls = top.Value.Falls };
            reasons.Add(SiteSentence(top.Key, evidence));
            var suspects = Sited(HoldersFirst(Rank(classified, lastingSites, lastingGoroutines), stacks, lastingGoroutines));
            reasons.AddRange(SuspectReasons(suspects));
            return new Verdict(VerdictKind.Leak, traceLeak ? Confidence.High : Confidence.Medium, reasons, suspects) { Evidence = evidence };
        }

        if (traceLeak && judgedHeaps >= o.MinSnapshots && TotalTrend(siteSeries) is { } total && total.Lasting(SiteNoise(total, noise, period), o.MinRises, o.MinRiseShare))
        {
            // Growth spread over many sites, none above the noise alone: the total confirms the trace; rank the sites.
            var spread = Sited(Spread(siteTrends, classified));
            evidence = evidence with { SiteGrowthBytes = (long)Math.Round(total.Growth), SiteRises = total.Rises, SiteFalls = total.Falls };
            reasons.Add(Invariant($"After the profiles' warm-up (from {evidence.ProfileWarmUpEndS:0.#} s) total in-use memory grew by {Mib(evidence.SiteGrowthBytes ?? 0)} by its robust slope; it rose {evidence.SiteRises} times and fell {evidence.SiteFalls} times across {evidence.HeapSnapshotsAfterWarmUp} heap profiles, spread over several sites."));
            reasons.AddRange(SuspectReasons(spread));
            return new Verdict(VerdictKind.Leak, Confidence.High, reasons, spread) { Evidence = evidence };
        }

        if (traceLeak && judgedHeaps < o.MinSnapshots)
        {
            // Too few heap profiles to judge a site: the trace's verdict stands, the profiles only name candidates.
            reasons.Add(Invariant($"Only {evidence.HeapSnapshotsAfterWarmUp} distinct heap profile(s) after their warm-up; at least {o.MinSnapshots} are needed to confirm which site keeps growing."));
            var candidates = Sited(Candidates(siteSeries, classified, period));
            reasons.AddRange(CandidateReasons(candidates));
            return new Verdict(VerdictKind.Leak, trace.Confidence, reasons, candidates) { Evidence = evidence };
        }

        // The trace measured lasting growth; a site that grew beyond its own sampling noise after warm-up, more up than
        // down, says where it is. Its steps go both ways when the sampled objects turn over (a queue, a backlog), which
        // blurs the upward share the site alone would need; the trace has already shown that shape. The fixed
        // NoiseSamples bar is not asked for: it keeps the profiles alone from calling a leak, and here the trace has
        // called it, so the profiles need only locate it (a heap profile changes only at a GC, so a short run's few
        // GCs leave repeated snapshots and a leak of a few MB under that bar: src6_header_index, src6_pubsub_hub).
        var located = traceLeak && judgedHeaps >= o.MinSnapshots ? Located(siteTrends, classified, o.MinHeapGrowthBytes, period) : [];
        if (located.Count > 0)
        {
            var top = siteTrends[located[0].Function]!;
            evidence = evidence with
            {
                SiteGrowthBytes = (long)Math.Round(top.Growth),
                SiteRises = top.Rises,
                SiteFalls = top.Falls,
                SiteNoiseBytes = (long)Math.Round(SiteNoise(top, noise, period)),
            };
            var named = Sited(located);
            reasons.Add(Invariant($"After the profiles' warm-up (from {evidence.ProfileWarmUpEndS:0.#} s) in-use memory at {located[0].Function} grew by {Mib(evidence.SiteGrowthBytes ?? 0)} by its robust slope, beyond its sampling noise ({Mib(evidence.SiteNoiseBytes ?? 0)}); it rose {evidence.SiteRises} times and fell {evidence.SiteFalls} times across {evidence.HeapSnapshotsAfterWarmUp} heap profiles (its sampled objects turn over), and the trace's floor shows the growth lasting."));
            reasons.AddRange(SuspectReasons(named));
            return new Verdict(VerdictKind.Leak, Confidence.Medium, reasons, named) { Evidence = evidence };
        }

        // The trace's growth (the live floor's, or the live heap's as the goal shows it) is smaller than the growth the
        // profiles resolve at a site: they can neither confirm nor deny it, so the trace's verdict stands as long as
        // some site grows in the same shape (rising in most steps after warm-up), and those sites are the suspects.
        var retainedMb = floor is not null && traceOnly.IsLastingGrowth(floor) ? floor.Growth : trace.Evidence.GoalLiveGrowthMb ?? 0;
        var shaped = traceLeak && retainedMb * 1048576 < noise ? Shaped(siteTrends, classified) : [];
        if (shaped.Count > 0)
        {
            var named = Sited(shaped);
            reasons.Add(Invariant($"The heap profiles resolve growth of {Mib(evidence.ProfileNoiseBytes ?? 0)} or more at a site, more than the trace's growth, so they can neither confirm nor deny it; the sites below rose in most steps after the profiles' warm-up (from {evidence.ProfileWarmUpEndS:0.#} s) and are where it likely is."));
            reasons.AddRange(named.Take(3).Select(c => Invariant($"Candidate: {c.Function} grew by {Mib(c.GrowthBytes)} after warm-up ({ContractNames.Of(c.Pattern)}).")));
            // A site rising in the same shape is a second, weaker source: it agrees, but cannot measure the growth.
            return new Verdict(VerdictKind.Leak, Confidence.Medium, reasons, named) { Evidence = evidence };
        }

        // When the trace's floor rose in the lasting shape (shortRise, fastRise, or the trace called the leak), a site
        // that grew across all the profiles beyond its own sampling noise, in the same shape, agrees with it and says
        // where it is; when the trace called the leak, or saw only its few cycles rise, the site must also still rise
        // after the profiles' warm-up (a cache that filled early and stopped is not what keeps growing).
        var agreeing = shortRise ? Agreeing(siteSeries, classified, period, noise)
            : traceLeak || fastRise ? Agreeing(siteSeries, classified, period, noise).Where(s => StillRising(siteTrends.GetValueOrDefault(s.Function), period)).ToList()
            : [];
        if (agreeing.Count > 0)
        {
            var top = Trend.Of(siteSeries[agreeing[0].Function])!;
            evidence = evidence with
            {
                SiteGrowthBytes = (long)Math.Round(top.Growth),
                SiteRises = top.Rises,
                SiteFalls = top.Falls,
                SiteNoiseBytes = (long)Math.Round(SiteNoise(top, o.MinHeapGrowthBytes, period)),
            };
            var named = Sited(agreeing);
            var site = Invariant($"in-use memory at {agreeing[0].Function} grew by {Mib(evidence.SiteGrowthBytes ?? 0)} by its robust slope across the {top.Points} heap profiles, beyond its sampling noise ({Mib(evidence.SiteNoiseBytes ?? 0)}); it rose {evidence.SiteRises} times and fell {evidence.SiteFalls} times");
            var envelope = findings.Heap.Envelope;
            reasons.Add(traceLeak
                ? Invariant($"The heap profiles locate that growth: {site}, and it still rose after their warm-up (from {evidence.ProfileWarmUpEndS:0.#} s).")
                : fastRise
                ? Invariant($"Yet the floor of the live heap rose at every one of its {envelope.Count} windows, through the last, from {envelope[0].LiveMbMin} MB to {envelope[^1].LiveMbMin} MB over {findings.Gc.Cycles} cycles (a program that keeps what it allocates doubles its heap at each GC, so the GCs space out and stay few), and {site}, still rising after their warm-up (from {evidence.ProfileWarmUpEndS:0.#} s): the two agree, with low confidence until a longer run confirms it.")
                : Invariant($"Yet after warm-up (from {evidence.WarmUpEndS:0.#} s) the floor of the live heap rose from {evidence.FloorMbFirst} MB to {evidence.FloorMbLast} MB ({evidence.FloorGrowthMb:0.#} MB by its robust slope; it rose {evidence.FloorRises} times and fell {evidence.FloorFalls} times across {evidence.FloorWindows} windows), and {site}: the two agree, with low confidence until a longer run confirms it."));
            reasons.AddRange(SuspectReasons(named, "across the heap profiles"));
            return new Verdict(VerdictKind.Leak, traceLeak ? Confidence.Medium : Confidence.Low, reasons, named) { Evidence = evidence };
        }

        // Too few cycles for the trace's trend, yet the floor after warm-up moved less than the trace can show, and no
        // heap site and no goroutine group grew after the profiles' warm-up beyond its noise: both sources are silent,
        // and saying "no growth" needs less than saying "leak" (a slow leak still shows in the floor or at its site).
        if (trace.Kind == VerdictKind.Inconclusive && FlatFewCycles(findings, floor) && judgedHeaps >= o.MinSnapshots
            && lastingGoroutines.Count == 0 && !siteTrends.Values.Any(t => GrewAfterWarmUp(t, period)))
        {
            var flat = new List<string>
            {
                Invariant($"Only {findings.Gc.Cycles} GC cycles, fewer than the {o.MinCycles} a trend needs, but after warm-up (from {evidence.WarmUpEndS:0.#} s) the floor of the live heap {(evidence.FloorMbMin == evidence.FloorMbMax ? Invariant($"stayed at {evidence.FloorMbMin} MB") : Invariant($"stayed between {evidence.FloorMbMin} and {evidence.FloorMbMax} MB"))} across {evidence.FloorWindows} windows, less than the {traceOnly.MinFloorGrowth(floor!):0.#} MB the trace can show, and no allocation site and no goroutine group grew beyond its sampling noise across the {evidence.HeapSnapshotsAfterWarmUp} heap profiles after their warm-up (from {evidence.ProfileWarmUpEndS:0.#} s): no sign of growth, with low confidence until a longer run confirms it."),
                Invariant($"GC cost {findings.GcCpu.CostFraction * 100:0.##}% of the available CPU (assist + background + STW), below the {o.PressureCostFraction * 100:0.##}% that makes it material."),
            };
            return new Verdict(VerdictKind.Healthy, Confidence.Low, flat, []) { Evidence = evidence };
        }

        if (traceLeak || trace.Kind == VerdictKind.Inconclusive)
        {
            if (traceLeak)
            {
                reasons.Add(Invariant($"No allocation site, nor their total, grew steadily across the {evidence.HeapSnapshotsAfterWarmUp} heap profiles after their warm-up, so the profiles do not confirm the trace; longer profiling would tell."));
            }
            else if (judgedHeaps < o.MinSnapshots)
            {
                reasons.Add(Invariant($"The profiles cannot decide either: {evidence.HeapSnapshotsAfterWarmUp} distinct heap profile(s) after their warm-up, at least {o.MinSnapshots} needed (heap profiles change only when a GC runs)."));
            }

            var candidates = Sited(Candidates(siteSeries, classified, period));
            reasons.AddRange(CandidateReasons(candidates));
            return new Verdict(VerdictKind.Inconclusive, Confidence.Low, reasons, candidates) { Evidence = evidence };
        }

        // Not a leak: keep the trace's kind, say what the profiles showed, name pool churn as what to look at.
        var pool = Sited(LeakPatternClassifier.PoolChurn(stacks, o));
        reasons.Add(Invariant($"No allocation site and no goroutine group kept growing across the {evidence.HeapSnapshotsAfterWarmUp} heap and {evidence.GoroutineSnapshotsAfterWarmUp} goroutine profiles after their warm-up (the first {evidence.ProfileWarmUpEndS:0.#} s of {evidence.ProfileSpanS:0.#} s)."));
        if (lastingSites.Count > 0 && floorFalling)
        {
            reasons.Add(Invariant($"{lastingSites.Keys.First()} grew in the heap profiles, but the trace's floor fell, so that growth is not retained memory."));
        }

        if (unheld.Count > 0 && traceBoundBytes is { } held)
        {
            var site = siteTrends[unheld[0]]!;
            evidence = evidence with
            {
                SiteGrowthBytes = (long)Math.Round(site.Growth),
                SiteRises = site.Rises,
                SiteFalls = site.Falls,
                SiteNoiseBytes = (long)Math.Round(SiteNoise(site, noise, period)),
                TraceBoundBytes = (long)Math.Round(held),
            };
            reasons.Add(Invariant($"{unheld[0]} grew by {Mib(evidence.SiteGrowthBytes ?? 0)} in the heap profiles after their warm-up, more than its sampling noise ({Mib(evidence.SiteNoiseBytes ?? 0)}) plus the most the trace's flat floor can hold ({Mib(evidence.TraceBoundBytes ?? 0)}): the profiles sampled objects that turn over, not memory kept."));
        }

        if (pool.Count > 0)
        {
            reasons.Add(Invariant($"Most allocation goes through sync.Pool at {pool[0].Function} while in-use memory stays flat: the pool's New runs on most Gets, so this is pressure, not a leak (sync-pool-misuse)."));
        }

        var conf = trace.Confidence;
        if (judgedHeaps >= o.MinSnapshots || judgedGoroutines >= o.MinSnapshots)
        {
            conf = trace.Kind == VerdictKind.GcPressure && pool.Count == 0 && findings.Heap.MemoryLimit.Suspected ? Confidence.High : Raise(conf);
        }

        return new Verdict(trace.Kind, conf, reasons, pool) { Evidence = evidence };
    }

    // The most retained growth a trace that judged the floor flat can hide: what the floor grew after warm-up plus
    // the growth it cannot resolve (the same bar that makes growth lasting); null when the trace judged no trend or
    // saw lasting growth (then the profiles add, they cannot be contradicted).
    private double? TraceBoundBytes(Verdict trace, Trend? floor) =>
        floor is null || trace.Kind is VerdictKind.Leak or VerdictKind.Inconclusive || traceOnly.IsLastingGrowth(floor)
            ? null
            : (Math.Max(floor.Growth, 0) + traceOnly.MinFloorGrowth(floor)) * 1048576;

    // Fewer cycles than a trend needs but at least MinFlatCycles, a floor after warm-up across enough windows whose
    // range stays under what the trace can show, no lasting growth of the goal's floor, and a GC cost below pressure.
    private bool FlatFewCycles(TraceSummary findings, Trend? floor) =>
        findings.Gc.Cycles >= o.MinFlatCycles && findings.Gc.Cycles < o.MinCycles
        && floor is not null && floor.Points >= o.MinFloorWindows && floor.Max - floor.Min < traceOnly.MinFloorGrowth(floor)
        && !(traceOnly.GoalFloorTrend(findings.Heap) is { } goal && traceOnly.IsLastingGoalGrowth(goal))
        && (findings.GcCpu.CostFraction ?? 0) < o.PressureCostFraction && (findings.GcCpu.AssistFraction ?? 0) < o.HeavyAssistFraction;

    // A goroutine group leaks when its count keeps rising after warm-up, across several snapshots.
    private bool IsLastingGoroutines(GoroutineGrowth g) =>
        g.Trend is { } t && t.Points >= o.MinSnapshots && t.Lasting(o.MinGoroutineGrowth, o.MinRises, o.MinRiseShare);

    // Suspects with lasting growth, ranked by how much they grew after warm-up: heap growth by the robust slope,
    // goroutines at the smallest stack each. Patterns come from the classifier (stacks and wait states).
    private static List<Suspect> Rank(IReadOnlyList<Suspect> classified, Dictionary<string, Trend> sites, IReadOnlyList<GoroutineGrowth> goroutines)
    {
        var patterns = classified.ToDictionary(s => s.Function, s => s.Pattern, StringComparer.Ordinal);
        var growth = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (function, trend) in sites)
        {
            growth[function] = growth.GetValueOrDefault(function) + trend.Growth;
        }

        foreach (var g in goroutines)
        {
            var function = LeakPatternClassifier.GoroutineBlame(g);
            growth[function] = growth.GetValueOrDefault(function) + ((g.Trend?.Growth ?? g.Growth) * LeakPatternClassifier.GoroutineStackBytes);
        }

        return growth
            .Select(kv => new Suspect(kv.Key, patterns.GetValueOrDefault(kv.Key, SuspectPattern.Unknown), (long)Math.Round(kv.Value)))
            .OrderByDescending(s => s.GrowthBytes)
            .ThenBy(s => s.Function, StringComparer.Ordinal)
            .ToList();
    }

    // A heap suspect whose growth was allocated inside goroutines that pile up parked (its stacks pass through their
    // entry function: the payload a parked sender made before it blocked) is what they hold, not why: the parked
    // goroutines, where the fix goes, are named before it, however small their own stacks.
    private static List<Suspect> HoldersFirst(List<Suspect> ranked, IReadOnlyList<StackGrowth> stacks, IReadOnlyList<GoroutineGrowth> goroutines)
    {
        foreach (var g in goroutines)
        {
            var entry = g.Stack.LastOrDefault(f => !Frames.IsStd(f.Function))?.Function;
            var at = ranked.FindIndex(s => s.Function == LeakPatternClassifier.GoroutineBlame(g));
            if (entry is null || at <= 0)
            {
                continue;
            }

            var payload = ranked.FindIndex(0, at, s => AllocatedInside(s.Function, entry, stacks));
            if (payload >= 0)
            {
                var holder = ranked[at];
                ranked.RemoveAt(at);
                ranked.Insert(payload, holder);
            }
        }

        return ranked;
    }

    // Most of the in-use growth blamed on `function` was allocated on stacks that run inside `entry` (below its frame).
    private static bool AllocatedInside(string function, string entry, IReadOnlyList<StackGrowth> stacks)
    {
        var own = stacks.Where(s => s.InuseGrowthBytes > 0 && !Frames.IsProfilerOwn(s.Stack) && LeakPatternClassifier.Blame(s.Stack) == function).ToList();
        var inside = own.Where(s => s.Stack.Any(f => f.Function == entry)).Sum(s => s.InuseGrowthBytes);
        return own.Count > 0 && 2 * inside > own.Sum(s => s.InuseGrowthBytes);
    }

    // Total in-use memory (every site but the profiler's own) per snapshot, after warm-up.
    private Trend? TotalTrend(IReadOnlyDictionary<string, List<(double T, double V)>> sites)
    {
        var first = sites.Values.FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        var totals = first.Select((p, i) => (p.T, sites.Values.Sum(list => list[i].V))).ToList();
        return Trend.AfterWarmUp(totals, o.WarmUpShare);
    }

    // Sites that grew after warm-up, by how much, when the growth is spread thin.
    private static List<Suspect> Spread(Dictionary<string, Trend?> sites, IReadOnlyList<Suspect> classified) =>
        SitesWhere(sites, classified, t => t.Growth > 0 && t.RiseShare > 0.5).Take(5).ToList();

    // The growth a site must clear after warm-up: the fixed floor, or its own sampling noise when that is larger
    // (a sampled count wobbles by about the square root of its mean; see DiagnosisOptions.SiteNoiseSigmas).
    private double SiteNoise(Trend t, double floor, long period) =>
        Math.Max(floor, o.SiteNoiseSigmas * Math.Sqrt(Math.Max(t.Mean, 0) / period) * period);

    // Sites that grew after warm-up beyond their sampling noise, in more rises than one and more up than down.
    private List<Suspect> Located(Dictionary<string, Trend?> sites, IReadOnlyList<Suspect> classified, double floor, long period) =>
        SitesWhere(sites, classified, t => t.Points >= o.MinSnapshots && t.Rises >= o.MinRises && t.RiseShare > 0.5 && t.Growth >= SiteNoise(t, floor, period));

    // Sites whose in-use memory after warm-up grew in the shape of lasting growth (enough rises, mostly upward), however
    // little: used only when the trace has already measured the growth and it is below the profiles' noise.
    private List<Suspect> Shaped(Dictionary<string, Trend?> sites, IReadOnlyList<Suspect> classified) =>
        SitesWhere(sites, classified, t => t.Growth > 0 && t.Points >= o.MinSnapshots && t.Rises >= o.MinRises && t.RiseShare >= o.MinRiseShare);

    // The sites whose trend after warm-up passes keep, as suspects with the classifier's pattern, largest growth first.
    private static List<Suspect> SitesWhere(Dictionary<string, Trend?> sites, IReadOnlyList<Suspect> classified, Func<Trend, bool> keep)
    {
        var patterns = classified.ToDictionary(s => s.Function, s => s.Pattern, StringComparer.Ordinal);
        return sites
            .Where(kv => kv.Value is { } t && keep(t))
            .Select(kv => new Suspect(kv.Key, patterns.GetValueOrDefault(kv.Key, SuspectPattern.Unknown), (long)Math.Round(kv.Value!.Growth)))
            .OrderByDescending(s => s.GrowthBytes)
            .ThenBy(s => s.Function, StringComparer.Ordinal)
            .ToList();
    }

    // What the profiles show growing when they are too few (or too short) to judge a trend: growth over every
    // snapshot by the robust slope, beyond the site's own sampling noise (not the fixed bar a verdict needs: a
    // candidate is named, not judged).
    private List<Suspect> Candidates(IReadOnlyDictionary<string, List<(double T, double V)>> sites, IReadOnlyList<Suspect> classified, long period) =>
        SitesWhere(AcrossAll(sites), classified, t => t.Growth >= SiteNoise(t, o.MinHeapGrowthBytes, period) && t.RiseShare > 0.5);

    // Every site's trend over all its snapshots, warm-up included: for runs too short to spare a warm-up.
    private static Dictionary<string, Trend?> AcrossAll(IReadOnlyDictionary<string, List<(double T, double V)>> sites) =>
        sites.ToDictionary(kv => kv.Key, kv => Trend.Of(kv.Value), StringComparer.Ordinal);

    // Sites that grew across all the profiles beyond their own sampling noise in the shape of lasting growth: enough
    // rises, mostly upward; or, when the profiles are too few or too sparse in GCs to show several rises (a heap
    // profile changes only at a GC, so snapshots between two GCs repeat), a growth that no sampling wobble makes
    // (the fixed NoiseSamples bar as well as the site's own noise) with no step down. Used only when the trace's
    // floor rose in the lasting shape, which supplies the shape two profiles cannot.
    private List<Suspect> Agreeing(IReadOnlyDictionary<string, List<(double T, double V)>> sites, IReadOnlyList<Suspect> classified, long period, double noise) =>
        SitesWhere(AcrossAll(sites), classified, t =>
            (t.Points >= o.MinSnapshots && t.Lasting(SiteNoise(t, o.MinHeapGrowthBytes, period), o.MinRises, o.MinRiseShare))
            || (t.Falls == 0 && t.Rises > 0 && t.Growth >= SiteNoise(t, noise, period)));

    // Still growing after the profiles' warm-up: some step up, mostly upward (a flat tail of repeated snapshots counts
    // as neither), so growth that ended during warm-up is not named for the lasting growth the trace saw.
    private bool StillRising(Trend? t, long period) =>
        t is { Rises: > 0 } && t.RiseShare >= o.MinRiseShare && (t.Growth > 0 || GainedBeyondNoise(t, period));

    // A coarsely sampled site climbs in whole samples (one 16 KiB object stands for 512 KiB) with repeated snapshots
    // between, so the median slope of a staircase with a flat tail is zero although it climbed: its gain over the
    // whole span after warm-up, last profile against first, is judged against the sampling noise of the count it
    // started from (a Poisson-like count wobbles by about its square root).
    private bool GainedBeyondNoise(Trend t, long period) =>
        t.Last - t.First >= Math.Max(o.MinHeapGrowthBytes, o.SiteNoiseSigmas * Math.Sqrt(Math.Max(t.First, 0) / period) * period);

    // Grew after the profiles' warm-up beyond its sampling noise, by the robust slope or by its gain over the span.
    private bool GrewAfterWarmUp(Trend? t, long period) =>
        t is not null && t.Rises > 0 && (t.Growth >= SiteNoise(t, o.MinHeapGrowthBytes, period) || GainedBeyondNoise(t, period));

    private static string GoroutineSentence(GoroutineGrowth g, VerdictEvidence e) =>
        Invariant($"After the profiles' warm-up (from {e.ProfileWarmUpEndS:0.#} s) the goroutines created at {g.Site} and waiting in {g.WaitState} went from {e.GroupFirst} to {e.GroupLast}; the count rose {e.GroupRises} times and fell {e.GroupFalls} times across {e.GoroutineSnapshotsAfterWarmUp} goroutine profiles: the same stacks keep piling up.");

    private static string SiteSentence(string function, VerdictEvidence e) =>
        Invariant($"After the profiles' warm-up (from {e.ProfileWarmUpEndS:0.#} s) in-use memory at {function} grew by {Mib(e.SiteGrowthBytes ?? 0)} by its robust slope; it rose {e.SiteRises} times and fell {e.SiteFalls} times across {e.HeapSnapshotsAfterWarmUp} heap profiles.");

    private long SamplePeriod(ProfileSnapshot series) =>
        series.Heaps is { Count: > 0 } heaps && heaps[0].Period > 0 ? heaps[0].Period : o.DefaultSamplePeriod;

    private static IEnumerable<string> CandidateReasons(IReadOnlyList<Suspect> candidates) =>
        candidates.Take(3).Select(c => Invariant($"Candidate: {c.Function} grew by {Mib(c.GrowthBytes)} across the heap profiles ({ContractNames.Of(c.Pattern)})."));

    private static IEnumerable<string> SuspectReasons(IReadOnlyList<Suspect> suspects, string span = "after warm-up") =>
        suspects.Take(3).Select(s => Invariant($"{s.Function} grew by {Mib(s.GrowthBytes)} {span}: {Describe(s.Pattern)} ({ContractNames.Of(s.Pattern)}){(s.Evidence is { } code ? ": " + code : string.Empty)}."));

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

    private static Confidence Raise(Confidence confidence) => confidence == Confidence.Low ? Confidence.Medium : Confidence.High;

    // "MB" as the runtime prints heap sizes (2^20 bytes) and with the reports' two decimals, so a reason and the
    // suspect line beside it show the same number in the same unit.
    private static string Mib(long bytes) => Invariant($"{bytes / 1048576.0:#,0.00} MB");

    // --pprof was given, so suggesting it would be wrong; say instead why its profiles did not count.
    private static string ScrapesFell(ScrapeTally scrapes) =>
        Invariant($"--pprof {scrapes.Endpoint} gave too few profiles to compare ({scrapes.Succeeded} of {scrapes.Attempts} scrapes succeeded), so this verdict rests on the trace alone.");
}
