// SampleIndex: picks a sample value column by name the way `go tool pprof -sample_index=` does.
using System.Globalization;

namespace GcTrace.Profiles;

public static class SampleIndex
{
    /// <summary>profile.SampleIndexByName: "" picks default_sample_type, else the last type (inuse_space for heap);
    /// a number picks that column; "inuse_X" also matches "X" (legacy profiles with objects/space only).</summary>
    public static int Resolve(Profile profile, string? name)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var types = profile.SampleTypes;
        if (string.IsNullOrEmpty(name))
        {
            if (profile.DefaultSampleType is { } dst)
            {
                for (var i = 0; i < types.Count; i++)
                {
                    if (types[i].Type == dst)
                    {
                        return i;
                    }
                }
            }

            return types.Count - 1;
        }

        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return index < types.Count
                ? index
                : throw new ArgumentOutOfRangeException(nameof(name), string.Create(CultureInfo.InvariantCulture, $"sample_index {index} exceeds {types.Count} sample types"));
        }

        var noInuse = name.StartsWith("inuse_", StringComparison.Ordinal) ? name["inuse_".Length..] : name;
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i].Type == name || types[i].Type == noInuse)
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"sample_index '{name}' not found; valid: {string.Join(", ", types.Select(t => t.Type))}", nameof(name));
    }
}
