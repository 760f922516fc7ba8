// Exact nearest-rank percentiles of a series in memory bounded by its distinct values, not its length.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// Counts each distinct value once. The runtime prints ms values with at most two significant digits below 10 ms
/// and whole ms above (fmtNSAsMS, gctrace-format.md §1.2), so a trace of millions of cycles has only a few hundred distinct
/// pauses, and exact percentiles need no sampling or sketch.
/// </summary>
public sealed class PauseDistribution
{
    // A hash map while adding, sorted once when asked. Keyed by the value in Exact units (a long hashes and compares far
    // cheaper than a decimal), holding the first spelling seen: equal values such as 1.0 and 1.00 share one entry and keep
    // the first spelling, as a sorted map of decimals would.
    private readonly Dictionary<long, Entry> counts = new();
    private Entry[]? sorted;
    private Dictionary<decimal, long>? countsByValue;
    private Exact total;

    private struct Entry
    {
        public decimal Value;
        public long Count;
    }

    public long Count { get; private set; }

    public decimal Total => total.ToDecimal();

    /// <summary>How many distinct values are held: the memory this distribution uses.</summary>
    public int DistinctValues => counts.Count;

    /// <summary>How many times each distinct value occurred (a histogram needs no more).</summary>
    public IReadOnlyDictionary<decimal, long> Counts =>
        countsByValue ??= counts.Values.ToDictionary(e => e.Value, e => e.Count);

    public decimal? Max => Count == 0 ? null : Sorted()[^1].Value;

    public decimal? Min => Count == 0 ? null : Sorted()[0].Value;

    // Six decimals: the inputs have at most three, so more digits would only be division noise.
    public decimal? Mean => Count == 0 ? null : Math.Round(Total / Count, 6);

    public void Add(decimal value) => Add(Exact.Of(value), static v => v, value);

    /// <summary>A cycle's stop-the-world total, without making its decimal unless the value is new.</summary>
    internal void Add(GcCycle cycle)
    {
        var stw = Exact.Of(cycle.StwSweepTermMs) + Exact.Of(cycle.StwMarkTermMs);
        if (cycle.InstallWriteBarrierMs is { } barrier)
        {
            stw += Exact.Of(barrier);
        }

        Add(stw, static c => c.StwTotalMs, cycle);
    }

    private void Add<T>(Exact value, Func<T, decimal> spell, T source)
    {
        ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value.Units, out var exists);
        if (!exists)
        {
            entry.Value = spell(source);
        }

        entry.Count++;
        sorted = null;
        countsByValue = null;
        Count++;
        total += value;
    }

    /// <summary>
    /// Nearest rank: the value at 1-based rank ceil(<paramref name="percent"/>/100 x count) of the ascending values
    /// (output contract). Decimal arithmetic keeps 99.9 exact, so p99.9 of 1000 values is rank 999, not 1000.
    /// </summary>
    public decimal? Percentile(decimal percent)
    {
        if (percent is <= 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentile is in (0, 100].");
        }

        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(percent * Count / 100m);
        long seen = 0;
        foreach (var entry in Sorted())
        {
            seen += entry.Count;
            if (seen >= rank)
            {
                return entry.Value;
            }
        }

        return Sorted()[^1].Value;
    }

    private Entry[] Sorted()
    {
        if (sorted is null)
        {
            sorted = counts.Values.ToArray();
            Array.Sort(sorted, static (a, b) => a.Value.CompareTo(b.Value));
        }

        return sorted;
    }

    /// <summary>The contract's <c>stw_ms</c> block for this series.</summary>
    public DistributionSummary Summarize() => new(
        Count,
        Percentile(50m),
        Percentile(90m),
        Percentile(95m),
        Percentile(99m),
        Percentile(99.9m),
        Max,
        Mean,
        Total);
}
