// Every threshold the diagnosis decides by, in one record: the defaults are the shipped rules; tests vary them.
namespace GcTrace.Diagnosis;

public sealed record DiagnosisOptions
{
    public static readonly DiagnosisOptions Default = new();

    // ---- the trace alone (TraceOnlyVerdict) ----

    /// <summary>Fewer cycles than this say too little about a trend.</summary>
    public int MinCycles { get; init; } = 8;

    /// <summary>From this many cycles on, a healthy trace is called with medium confidence (enough to see a floor).</summary>
    public int ConfidentHealthyCycles { get; init; } = 30;

    /// <summary>GC using this share of the available cpu is pressure whatever the heap does.</summary>
    public double PressureCpuFraction { get; init; } = 0.10;

    /// <summary>Background (not forced) cycles per second above which GC runs back to back.</summary>
    public double PressureCyclesPerS { get; init; } = 10;

    /// <summary>Envelope growth over the trace, relative to the smallest live heap (at least <see cref="MinReferenceMb"/>), for a leak.</summary>
    public double LeakRelativeGrowth { get; init; } = 0.5;

    /// <summary>Growth is measured against at least this many MB, so a tiny heap's doubling is not a leak.</summary>
    public long MinReferenceMb { get; init; } = 4;

    /// <summary>An inferred GOGC below this means the goal hugs the live heap (a memory limit, or GOGC set very low).</summary>
    public long LowGogc { get; init; } = 25;

    // ---- with profiles (Diagnoser) ----

    /// <summary>Fewer distinct heap snapshots than this cannot show a trend, only two end points.</summary>
    public int MinSnapshots { get; init; } = 3;

    /// <summary>Share of snapshot-to-snapshot steps in which in-use memory rose, for growth to count as steady.</summary>
    public double SteadyRiseShare { get; init; } = 0.7;

    /// <summary>A site's growth, relative to the first snapshot's in-use total, below which a steady rise is a
    /// service warming up (caches filling, pools sizing) rather than a leak worth a verdict.</summary>
    public double MinRelativeGrowth { get; init; } = 0.25;

    /// <summary>How many heap samples' worth of growth is more than sampling noise.</summary>
    public int NoiseSamples { get; init; } = 8;

    /// <summary>The heap profile's sampling period when a profile does not say (runtime.MemProfileRate's default).</summary>
    public long DefaultSamplePeriod { get; init; } = 512 * 1024;

    // ---- suspects (LeakPatternClassifier) ----

    /// <summary>Heap growth below this is sampling noise: the heap profile samples one allocation per 512 KiB.</summary>
    public long MinHeapGrowthBytes { get; init; } = 1 << 20;

    /// <summary>Goroutine sites must gain at least this many goroutines to count.</summary>
    public long MinGoroutineGrowth { get; init; } = 10;

    /// <summary>...and end with at least this many times the goroutines they started with (a pool resizing grows less).</summary>
    public double MinGoroutineGrowthRatio { get; init; } = 1.5;

    /// <summary>At least 1/this of all allocation must pass through sync.Pool before pool churn is named as the pressure.</summary>
    public long PoolAllocDivisor { get; init; } = 3;

    /// <summary>Distinct doubling sizes (each 2x the one before, the largest in use) that make a growing table.</summary>
    public int MinDoublingChain { get; init; } = 3;

    /// <summary>The largest object of a doubling chain must be at least this big: small slices also double while
    /// they grow, up to 256 elements (runtime/slice.go growslice), so the chain must outgrow most of them.</summary>
    public long MinDoublingTopBytes { get; init; } = 32 << 10;
}
