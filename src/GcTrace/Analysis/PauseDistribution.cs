// Exact nearest-rank percentiles of a series in memory bounded by its distinct values, not its length.
namespace GcTrace.Analysis;

/// <summary>
/// Counts each distinct value once. The runtime prints ms values with at most two significant digits below 10 ms
/// and whole ms above (fmtNSAsMS, spec §1.2), so a trace of millions of cycles has only a few hundred distinct
/// pauses, and exact percentiles need no sampling or sketch.
/// </summary>
public sealed class PauseDistribution
{
    // A hash map while adding (one tree walk of decimal compares per cycle was a tenth of a gc-only run), sorted once
    // when asked. Equal values such as 1.0 and 1.00 share one entry and keep the first spelling, as a sorted map would.
    private readonly Dictionary<decimal, long> counts = new();
    private KeyValuePair<decimal, long>[]? sorted;

    public long Count { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>How many distinct values are held: the memory this distribution uses.</summary>
    public int DistinctValues => counts.Count;

    /// <summary>How many times each distinct value occurred (a histogram needs no more).</summary>
    public IReadOnlyDictionary<decimal, long> Counts => counts;

    public decimal? Max => Count == 0 ? null : Sorted()[^1].Key;

    public decimal? Min => Count == 0 ? null : Sorted()[0].Key;

    // Six decimals: the inputs have at most three, so more digits would only be division noise.
    public decimal? Mean => Count == 0 ? null : Math.Round(Total / Count, 6);

    public void Add(decimal value)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, value, out _)++;
        sorted = null;
        Count++;
        Total += value;
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
        foreach (var (value, n) in Sorted())
        {
            seen += n;
            if (seen >= rank)
            {
                return value;
            }
        }

        return Sorted()[^1].Key;
    }

    private KeyValuePair<decimal, long>[] Sorted()
    {
        if (sorted is null)
        {
            sorted = counts.ToArray();
            Array.Sort(sorted, static (a, b) => a.Key.CompareTo(b.Key));
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
