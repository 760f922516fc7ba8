// One batch's cycles added up locally, so the shared metrics are touched once per batch instead of a dozen times a cycle.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// Per cycle: a few decimal additions, one conversion and a bucket search, all on the sink's own thread. Measured on a
/// gc-only log, updating prometheus-net's counters and histogram per cycle cost ~185 ns a cycle (interlocked loops,
/// six decimal-to-double conversions); added up per batch the cost is the tally's. Pauses are kept per histogram bucket
/// (count and sum), so the batch reaches the histogram as one observation of each bucket's mean with that bucket's count:
/// every value of a bucket lies in it, so does their mean, and bucket counts and the sum come out as if observed one by one.
/// </summary>
internal sealed class CycleTally
{
    // The bucket bounds in ms as decimals: a pause printed as exactly a bound (0.010 ms) must land in that bound's bucket,
    // which a comparison in double seconds (0.010 / 1000 = 1.0000000000000001e-05) would miss.
    private readonly decimal[] boundsMs;

    public CycleTally(double[] boundsS)
    {
        boundsMs = boundsS.Select(b => (decimal)b * 1000m).ToArray();
        PauseCounts = new long[boundsS.Length + 1];
        PauseSumsS = new double[boundsS.Length + 1];
    }

    public long Cycles { get; private set; }

    public long Forced { get; private set; }

    public long Restarts { get; private set; }

    /// <summary>Per bucket (the last is +Inf): how many pauses fell in it, and their sum in seconds.</summary>
    public long[] PauseCounts { get; }

    public double[] PauseSumsS { get; }

    public decimal StwMs { get; private set; }

    public decimal AssistMs { get; private set; }

    public decimal BackgroundMs { get; private set; }

    public decimal IdleMs { get; private set; }

    /// <summary>The batch's last cycle (the heap gauges show it), or null for a batch without cycles.</summary>
    public GcCycle? Last { get; private set; }

    public void Add(GcCycle cycle, bool restarted)
    {
        Cycles++;
        if (cycle.Forced) Forced++;
        if (restarted) Restarts++;
        var pauseMs = cycle.StwTotalMs;
        // Prometheus buckets are upper-inclusive (le): an exact match belongs to its own bound.
        var bucket = Array.BinarySearch(boundsMs, pauseMs);
        if (bucket < 0) bucket = ~bucket;
        PauseCounts[bucket]++;
        PauseSumsS[bucket] += (double)pauseMs / 1000;
        var parts = GcCpuParts.Of(cycle);
        StwMs += parts.StwMs;
        AssistMs += parts.AssistMs;
        BackgroundMs += parts.BackgroundMs;
        IdleMs += parts.IdleMs;
        Last = cycle;
    }

    public void Clear()
    {
        Cycles = Forced = Restarts = 0;
        Array.Clear(PauseCounts);
        Array.Clear(PauseSumsS);
        StwMs = AssistMs = BackgroundMs = IdleMs = 0m;
        Last = null;
    }
}
