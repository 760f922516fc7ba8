// Every threshold the diagnosis decides by, in one record, each with why it has its value and which runs set it;
// the defaults are the shipped rules, tests vary them.
namespace GcTrace.Diagnosis;

/// <summary>
/// The rules are written so that each threshold has a reason independent of any one run; the runs named are the
/// fixtures (fixtures/runs, fixtures/corpus; scripts/accuracy.sh scores them) that sit closest to each bound, so a
/// change can be checked against them. docs/output-contract.md says what each verdict means in these terms.
/// </summary>
public sealed record DiagnosisOptions
{
    public static readonly DiagnosisOptions Default = new();

    // ---- lasting growth (trace floor, heap sites, goroutine groups) ----

    /// <summary>Fewer GC cycles than this say too little about a trend (a few cycles are a few points).
    /// Set by corpus edge_short_one (1 cycle) and runs/leak_sparse (3 cycles): both inconclusive. Below it a floor
    /// rising in the lasting shape across <see cref="MinFloorWindows"/> windows is a leak only when a heap site agrees
    /// (runs/src3_ctx_field, src3_idem_store, src5_sparse_orders: 7 cycles; src5_sparse_orders_twin150: 5, a plateau).</summary>
    public int MinCycles { get; init; } = 8;

    /// <summary>The first share of the time span (trace or profiles) counts as warm-up: caches fill, pools size,
    /// catalogues load there, and growth in it is not judged. A third leaves two thirds to show lasting growth.
    /// Set by runs/cold_start and runs/leak_plateau (growth ends at about a quarter of the run) and runs/conn_pool.</summary>
    public double WarmUpShare { get; init; } = 1.0 / 3;

    /// <summary>Below <see cref="MinCycles"/>, a live heap whose floor rose at every window, through the last, over at
    /// least this many GCs is a leak when a heap site agrees (see <see cref="FewCycleFloor"/>): a fast leak from a small
    /// heap doubles it at each GC, so the GCs space out geometrically and 8-12 s hold only 6-8 of them; five rising
    /// cycles in a row are not chance, and a working set that forms as fast shows a flat last window once it is full.
    /// Set by runs/src15_fast_map_short (7 cycles) against runs/leak_sparse (3 cycles, inconclusive) and
    /// runs/src15_fast_map_twin_short (13 cycles, the last window flat).</summary>
    public int MinFastCycles { get; init; } = 5;

    /// <summary>With fewer than <see cref="MinFastCycles"/> cycles but at least this many, the floor must rise at every
    /// window by at least <see cref="MinLeakGrowthMb"/> (what whole-MB rounding cannot make) for the fast-leak rule:
    /// three such rises in a row are not chance, and a cache that filled in a burst shows a flat fourth window once
    /// full. Set by runs/src13_dead_letters (GOGC=200, floors 1, 5, 7, 10 MB over 4 cycles) against runs/leak_sparse
    /// (3 cycles, inconclusive) and the burst twin runs/src22_burst_cache_gogc200.</summary>
    public int MinSteppedFastCycles { get; init; } = 4;

    /// <summary>With fewer than <see cref="MinCycles"/> cycles but at least this many, a floor that stayed flat after
    /// warm-up while no heap site and no goroutine group grew after the profiles' warm-up beyond its noise is healthy
    /// (confidence low): saying "no growth" needs less than saying "leak", since both sources must stay silent. Set by
    /// runs/src7_title_index_twin and runs/src13_label_metrics_twin (7 cycles, floor 0-1 MB) against the 7-cycle slow
    /// leak runs/src22_slow_drip_7gc.</summary>
    public int MinFlatCycles { get; init; } = 5;

    /// <summary>Floor windows (the smallest live heap per window) needed after warm-up to judge the trace's trend.</summary>
    public int MinFloorWindows { get; init; } = 3;

    /// <summary>Lasting growth moves mostly upward (rises and falls weighed by size); a sawtooth's troughs come back,
    /// so it moves down about as far as up (0.5). Set by runs/batch_nogc (0.5) and runs/ttl_cache against the leak
    /// runs (0.9-1).</summary>
    public double MinRiseShare { get; init; } = 0.7;

    /// <summary>Separate rises needed: "keeps growing" means across several steps; one step up is a plateau forming.</summary>
    public int MinRises { get; init; } = 2;

    /// <summary>The trace prints whole MB, floored, so a floor that grows by less than this after warm-up is
    /// rounding, not growth.</summary>
    public double MinLeakGrowthMb { get; init; } = 2;

    /// <summary>Floor growth after warm-up, relative to the floor, below which a big heap is merely drifting.
    /// Set by runs/idle_heavy (a 35 MB floor drifting by 1.7 MB) against runs/memlimit_leak (15 MB on a 19 MB floor).</summary>
    public double MinLeakGrowthShare { get; init; } = 0.03;

    /// <summary>The heap goal's floor is judged as a second, finer measure of what survives each GC only when the goal
    /// resolves the live heap at least twice as finely as the live heap's own whole-MB figure: the runtime sets the
    /// goal from the exact live heap times (1 + GOGC/100), so an inferred GOGC of 100 or more. Below that, or under
    /// memory-limit signs (the limit, not GOGC, sets the goal), the goal says nothing finer. A slow leak (runs/v2_slow_leak:
    /// ~100 KB/s on a 33 MB floor at GOGC=200, the live figure 33 -> 34 MB, the goal 98 -> 102 MB) shows only there.</summary>
    public long MinGoalResolutionGogc { get; init; } = 100;

    // ---- with profiles (Diagnoser) ----

    /// <summary>Heap-profile growth below this many samples' worth is sampling noise (one sample stands for
    /// MemProfileRate bytes, 512 KiB by default). Set by runs/warmup_cache (a full LRU at its cap wobbles by a few
    /// samples) against runs/leak_under_cache; bigger sites must also clear their own noise (<see cref="SiteNoiseSigmas"/>).</summary>
    public int NoiseSamples { get; init; } = 8;

    /// <summary>A heap site's in-use memory as the profile shows it is a count of sampled objects, and a site whose
    /// objects are replaced (a cache at its cap, a queue that turns over) shows a different sample of them each time:
    /// the count wobbles like a Poisson count, by about the square root of its mean. Growth after warm-up must clear
    /// this many of those standard deviations (on top of <see cref="NoiseSamples"/>) to count, so the bar grows with
    /// the site. Two, the usual bar; set by runs/v2_big_lru (a 160 MiB cache at its cap, ~310 samples: 5.6 MB of
    /// robust growth is 0.6 of its standard deviation, it was called a leak with the fixed bar alone) against
    /// runs/leak_under_cache (7.0 MB of growth on an 11 MB mean is 3.0 standard deviations). The same bar decides
    /// when a flat trace rules a site's growth out (runs/src3_quota_cache_twin: 7.5 MB of growth, 4.0 MB of noise, a
    /// 2.5 MB bound; runs/memlimit_leak within its bound) and when a short trace's site agrees.</summary>
    public double SiteNoiseSigmas { get; init; } = 2;

    /// <summary>The heap profile's sampling period when a profile does not say (runtime.MemProfileRate's default).</summary>
    public long DefaultSamplePeriod { get; init; } = 512 * 1024;

    /// <summary>Heap growth below this is noise even with dense sampling (-memprofilerate 4096 runs); the classifier
    /// ignores sites that grew less first to last. A candidate (named, not judged) must clear it and its own sampling
    /// noise, not <see cref="NoiseSamples"/> (runs/src3_ctx_field: 3.5 MB against 2.7 MB of noise).</summary>
    public long MinHeapGrowthBytes { get; init; } = 1 << 20;

    /// <summary>Goroutines a (stack, wait state) group must gain after warm-up to be a goroutine leak; a burst of
    /// request goroutines comes and goes, a leak keeps adding. Set by runs/leak_goroutine and runs/conn_pool.</summary>
    public long MinGoroutineGrowth { get; init; } = 10;

    /// <summary>Heap or goroutine snapshots needed after warm-up to see a trend rather than two end points.</summary>
    public int MinSnapshots { get; init; } = 3;

    // ---- GC cost (TraceOnlyVerdict) ----

    /// <summary>GC cost (assist + background + STW, idle excluded) at or above this share of the available CPU is
    /// material: about one core in twenty busy with the GC. Set by runs/pressure_sched (5.4 %), runs/pool_misuse
    /// (5.5 %) and runs/memlimit (5.8 %) above it, runs/idle_heavy (3.0 %, 7.3 % with idle marking) and runs/churn_small
    /// (0.9 % at 23 GC/s) below.</summary>
    public double PressureCostFraction { get; init; } = 0.05;

    /// <summary>Consecutive GC CPU windows at or above <see cref="PressureCostFraction"/> that make pressure sustained
    /// even when quiet periods bring the whole run's average below it.</summary>
    public int SustainedWindows { get; init; } = 3;

    /// <summary>Mutator assists at or above this share of the available CPU are heavy: the program's own goroutines
    /// stop to mark, so its latency pays directly, whatever the total cost.</summary>
    public double HeavyAssistFraction { get; init; } = 0.025;

    /// <summary>A GC rate at or above this (cycles per second) is worth a note when it is cheap, and part of the
    /// reason when it is not. Set by runs/churn_small (23 GC/s at 0.9 % cost) and runs/forced_periodic (10.6 GC/s).</summary>
    public double HighGcRatePerS { get; init; } = 10;

    /// <summary>An inferred GOGC below this means the goal hugs the live heap (a memory limit, or GOGC set very low).</summary>
    public long LowGogc { get; init; } = 25;

    /// <summary>From this many cycles on, a healthy trace is called with medium confidence (enough to see a floor).</summary>
    public int ConfidentHealthyCycles { get; init; } = 30;

    // ---- suspects (LeakPatternClassifier) ----

    /// <summary>When a goroutine series is compared end to end (no trend): it must end with at least this many times
    /// the goroutines it started with (a pool resizing grows less).</summary>
    public double MinGoroutineGrowthRatio { get; init; } = 1.5;

    /// <summary>At least 1/this of all allocation must pass through sync.Pool before pool churn is named as the pressure.</summary>
    public long PoolAllocDivisor { get; init; } = 3;

    /// <summary>Distinct doubling sizes (each 2x the one before, the largest in use) that make a growing table.</summary>
    public int MinDoublingChain { get; init; } = 3;

    /// <summary>The largest object of a doubling chain must be at least this big: small slices also double while
    /// they grow, up to 256 elements (runtime/slice.go growslice), so the chain must outgrow most of them.</summary>
    public long MinDoublingTopBytes { get; init; } = 32 << 10;
}
