// One batch's cycles added up locally, so the shared metrics are touched once per batch instead of a dozen times a cycle.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// Per cycle: a few long additions (<see cref="Exact"/> units, as the analyzers use) and a bucket search, on the sink's own
/// thread. Measured on a gc-only log, updating prometheus-net's counters and histogram per cycle cost ~185 ns a cycle
/// (interlocked loops, decimal-to-double conversions), and a decimal tally still ~130 ns; in long units the cost is a few
/// tens of ns. Pauses are kept per histogram bucket (count and sum), so the batch reaches the histogram as one observation
/// of each bucket's mean with that bucket's count: every value of a bucket lies in it, so does their mean, and bucket
/// counts and the sum come out as if observed one by one.
/// </summary>
internal sealed class CycleTally
{
    // 1 ms in Exact units (millionths): the bounds in those units are exact, so a pause printed as exactly a bound
    // (0.010 ms) lands in that bound's bucket, which a comparison in double seconds (1.0000000000000001e-05) would miss.
    private const long UnitsPerMs = 1_000_000;
    private const double UnitsPerS = 1e9;

    private readonly long[] boundsUnits;
    private long stwCpu;
    private long assistCpu;
    private long backgroundCpu;
    private long idleCpu;

    public CycleTally(double[] boundsS)
    {
        boundsUnits = boundsS.Select(b => (long)Math.Round(b * 1000 * UnitsPerMs)).ToArray();
        PauseCounts = new long[boundsS.Length + 1];
        PauseUnits = new long[boundsS.Length + 1];
    }

    public long Cycles { get; private set; }

    public long Forced { get; private set; }

    public long Restarts { get; private set; }

    /// <summary>Per bucket (the last is +Inf): how many pauses fell in it.</summary>
    public long[] PauseCounts { get; }

    /// <summary>Per bucket: the sum of its pauses in Exact units.</summary>
    public long[] PauseUnits { get; }

    public double StwCpuS => stwCpu / UnitsPerS;

    public double AssistCpuS => assistCpu / UnitsPerS;

    public double BackgroundCpuS => backgroundCpu / UnitsPerS;

    public double IdleCpuS => idleCpu / UnitsPerS;

    /// <summary>The sum of the pauses in bucket <paramref name="i"/>, in seconds.</summary>
    public double PauseSumS(int i) => PauseUnits[i] / UnitsPerS;

    /// <summary>The batch's last cycle (the heap gauges show it), or null for a batch without cycles.</summary>
    public GcCycle? Last { get; private set; }

    public void Add(GcCycle cycle, bool restarted)
    {
        Cycles++;
        if (cycle.Forced) Forced++;
        if (restarted) Restarts++;
        var pause = Exact.Of(cycle.StwSweepTermMs).Units + Exact.Of(cycle.StwMarkTermMs).Units
            + (cycle.InstallWriteBarrierMs is { } barrier ? Exact.Of(barrier).Units : 0);
        // Prometheus buckets are upper-inclusive (le): an exact match belongs to its own bound.
        var bucket = Array.BinarySearch(boundsUnits, pause);
        if (bucket < 0) bucket = ~bucket;
        PauseCounts[bucket]++;
        PauseUnits[bucket] += pause;
        var parts = GcCpuParts.Of(cycle);
        stwCpu += parts.Stw.Units;
        assistCpu += parts.Assist.Units;
        backgroundCpu += parts.Background.Units;
        idleCpu += parts.Idle.Units;
        Last = cycle;
    }

    public void Clear()
    {
        Cycles = Forced = Restarts = 0;
        Array.Clear(PauseCounts);
        Array.Clear(PauseUnits);
        stwCpu = assistCpu = backgroundCpu = idleCpu = 0;
        Last = null;
    }
}
