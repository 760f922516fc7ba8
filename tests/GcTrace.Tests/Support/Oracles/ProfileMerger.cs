// ProfileMerger: sums samples that pprof's profile.Merge would treat as the same (same locations and labels).
using System.Globalization;
using System.Text;

using GcTrace.Profiles;

namespace GcTrace.Tests.Support.Oracles;

internal static class ProfileMerger
{
    /// <summary>Keeps first-seen order; drops input samples whose values are all zero (profile.Merge isZeroSample).
    /// Merged samples whose sums are zero stay: pprof keeps them, and they add nothing to any total.</summary>
    public static List<ProfileSample> Merge(IEnumerable<ProfileSample> samples)
    {
        var merged = new List<ProfileSample>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (sample.Values.All(v => v == 0))
            {
                continue;
            }

            var key = Key(sample);
            if (index.TryGetValue(key, out var at))
            {
                var sum = merged[at].Values.ToArray();
                for (var i = 0; i < sum.Length; i++)
                {
                    sum[i] += sample.Values[i];
                }

                merged[at] = merged[at] with { Values = sum };
            }
            else
            {
                index[key] = merged.Count;
                merged.Add(sample);
            }
        }

        return merged;
    }

    /// <summary>profile.sampleKey: locations (address plus function, file, line of every line) and both label kinds.</summary>
    private static string Key(ProfileSample sample)
    {
        var sb = new StringBuilder();
        foreach (var f in sample.Stack)
        {
            sb.Append(f.Address.ToString("x", CultureInfo.InvariantCulture)).Append('|').Append(f.Function).Append('|')
              .Append(f.File).Append('|').Append(f.Line.ToString(CultureInfo.InvariantCulture)).Append(f.IsInlined ? "|i" : "|o").Append(';');
        }

        sb.Append('#');
        foreach (var (k, v) in sample.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(k).Append('=').AppendJoin(',', v).Append(';');
        }

        sb.Append('#');
        foreach (var (k, v) in sample.NumLabels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(k).Append('=').AppendJoin(',', v).Append(';');
        }

        return sb.ToString();
    }
}
