// TopTable: the rows `go tool pprof -top` prints for one sample index, computed as pprof does (spec section 5).
namespace GcTrace.Profiles;

/// <param name="Total">Σ|value| over all samples (or over the base samples of a -diff_base comparison).</param>
/// <param name="SampleType">The column the table was computed for, e.g. ("inuse_space", "bytes").</param>
/// <param name="DroppedNodes">Nodes removed because |cum| fell below the node fraction cutoff.</param>
public sealed record TopTable(IReadOnlyList<TopRow> Rows, long Total, ProfileValueType SampleType, int DroppedNodes)
{
    /// <summary>pprof's -edgefraction default. Edge trimming only decides which "(inline)" labels survive.</summary>
    public const double DefaultEdgeFraction = 0.001;

    /// <summary>pprof's -nodefraction default, for comparing with plain `go tool pprof -top` output.</summary>
    public const double PprofDefaultNodeFraction = 0.005;

    public static TopTable Compute(Profile profile, string? sampleIndex, double nodeFraction = 0, double edgeFraction = DefaultEdgeFraction)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Compute(profile, SampleIndex.Resolve(profile, sampleIndex), nodeFraction, edgeFraction);
    }

    /// <summary>Aggregates by function name, keeps nodes with |cum| ≥ Σflat × nodeFraction, and sorts by |flat| desc,
    /// name asc, |cum| desc (FlatNameOrder). nodeFraction 0 keeps every node.</summary>
    public static TopTable Compute(Profile profile, int sampleIndex, double nodeFraction = 0, double edgeFraction = DefaultEdgeFraction)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (sampleIndex < 0 || sampleIndex >= profile.SampleTypes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleIndex));
        }

        var total = ComputeTotal(profile, sampleIndex);
        var graph = TopGraph.Build(profile, sampleIndex, kept: null);
        var totalFlat = graph.Nodes.Sum(n => n.Flat);
        // Go: abs64(int64(float64(totalValue) * o.NodeFraction)), truncating.
        var nodeCutoff = Math.Abs((long)(totalFlat * nodeFraction));
        var edgeCutoff = Math.Abs((long)(totalFlat * edgeFraction));
        var dropped = 0;
        if (nodeCutoff > 0)
        {
            var kept = graph.Nodes.Where(n => Math.Abs(n.Cum) >= nodeCutoff).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            if (kept.Count != graph.Nodes.Count)
            {
                dropped = graph.Nodes.Count - kept.Count;
                graph = TopGraph.Build(profile, sampleIndex, kept);
            }
        }

        var ordered = graph.Nodes
            .OrderByDescending(n => Math.Abs(n.Flat))
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ThenByDescending(n => Math.Abs(n.Cum))
            .ToList();
        var rows = new List<TopRow>(ordered.Count);
        long flatSum = 0;
        foreach (var node in ordered)
        {
            flatSum += node.Flat;
            rows.Add(new TopRow(node.Name, node.Flat, node.Cum, flatSum,
                Percent(node.Flat, total), Percent(flatSum, total), Percent(node.Cum, total), node.InlineLabel(edgeCutoff)));
        }

        return new TopTable(rows, total, profile.SampleTypes[sampleIndex], dropped);
    }

    /// <summary>report.computeTotal: Σ|v|, but only over base samples when a -diff_base profile has any.</summary>
    internal static long ComputeTotal(Profile profile, int sampleIndex)
    {
        long total = 0, diffTotal = 0;
        foreach (var sample in profile.Samples)
        {
            var v = Math.Abs(sample.Values[sampleIndex]);
            total += v;
            if (sample.IsDiffBase)
            {
                diffTotal += v;
            }
        }

        return diffTotal > 0 ? diffTotal : total;
    }

    private static double Percent(long value, long total) => total == 0 ? 0 : Math.Abs((double)value / total) * 100;
}
