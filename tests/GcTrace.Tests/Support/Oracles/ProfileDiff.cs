// ProfileDiff: heap growth between two profiles, computed the way `go tool pprof -base` / `-diff_base` compare them.
using GcTrace.Profiles;

namespace GcTrace.Tests.Support.Oracles;

public static class ProfileDiff
{
    /// <summary>`pprof -base first second`: <paramref name="current"/> minus <paramref name="baseline"/>, merged sample
    /// by sample (same stack, addresses and labels), so percentages are of Σ|merged value|. This is what the corpus
    /// heap-diff-*.top.txt oracles were made with.</summary>
    public static Profile Subtract(Profile baseline, Profile current) => Combine(baseline, current, markBase: false);

    /// <summary>`pprof -diff_base first second`: like <see cref="Subtract"/>, but base samples keep a "pprof::base"
    /// label, so they never merge with current ones and percentages are relative to the base total.</summary>
    public static Profile DiffAgainstBase(Profile baseline, Profile current) => Combine(baseline, current, markBase: true);

    private static Profile Combine(Profile baseline, Profile current, bool markBase)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        if (!baseline.SampleTypes.SequenceEqual(current.SampleTypes))
        {
            throw new ArgumentException(
                $"{baseline.SourceName} and {current.SourceName} have different sample types; they cannot be compared");
        }

        var negated = baseline.Samples.Select(s => s with
        {
            Values = s.Values.Select(v => -v).ToArray(),
            Labels = markBase ? WithBaseLabel(s.Labels) : s.Labels,
        });
        // pprof merges [current, base] in that order (internal/driver fetch.go).
        var samples = ProfileMerger.Merge(current.Samples.Concat(negated));
        return current with
        {
            SourceName = $"{current.SourceName} - {baseline.SourceName}",
            Samples = samples,
        };
    }

    private static Dictionary<string, IReadOnlyList<string>> WithBaseLabel(IReadOnlyDictionary<string, IReadOnlyList<string>> labels)
    {
        var copy = labels.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        copy[ProfileSample.DiffBaseLabel] = ["true"];
        return copy;
    }
}
