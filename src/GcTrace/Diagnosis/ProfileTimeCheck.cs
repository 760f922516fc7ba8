// Finds profiles whose timestamp lies far from the others' (or outside the trace): most likely from another run.
using System.Globalization;
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;
/// <summary>
/// Profiles are ordered by their own timestamps, so one from another run (hours away) silently stretches the heap series
/// and its growth rate. A profile is foreign when its nearest neighbour in time is further away than
/// <see cref="FarFactor"/> times the usual spacing of the others and at least <see cref="MinFar"/>; with a live trace
/// (--pprof) it is also foreign when it lies outside the trace's wall-clock window by more than <see cref="MinFar"/>.
/// </summary>
public static class ProfileTimeCheck
{
    /// <summary>How many usual spacings away a profile must be to stand out: scrapes and `curl` loops are regular, so a
    /// gap of ten spacings is not jitter.</summary>
    public const double FarFactor = 10;

    /// <summary>A gap shorter than this is never foreign: profiles taken minutes apart by hand belong to one run.</summary>
    public static readonly TimeSpan MinFar = TimeSpan.FromMinutes(10);

    /// <summary>One warning per foreign profile; <paramref name="trace"/> is the trace's wall-clock window, when known.</summary>
    public static IReadOnlyList<string> Warnings(IReadOnlyList<Profile> profiles, (DateTimeOffset From, DateTimeOffset To)? trace = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var timed = profiles.Where(p => p.Time is not null).OrderBy(p => p.Time).ToList();
        var warnings = new List<string>();
        var gaps = timed.Zip(timed.Skip(1), (a, b) => b.Time!.Value - a.Time!.Value).ToList();
        var usual = gaps.Count >= 2 ? gaps.Order().ElementAt(gaps.Count / 2) : (TimeSpan?)null;
        for (var i = 0; i < timed.Count; i++)
        {
            var p = timed[i];
            var time = p.Time!.Value;
            if (trace is { } window && (time < window.From - MinFar || time > window.To + MinFar))
            {
                var side = time < window.From ? $"{Hours(window.From - time)} before" : $"{Hours(time - window.To)} after";
                warnings.Add($"profile {p.SourceName} was taken {side} this trace; it is probably from another run.");
                continue;
            }
            if (usual is not { } spacing || timed.Count < 3) continue;
            var nearest = new[] { i > 0 ? gaps[i - 1] : TimeSpan.MaxValue, i < gaps.Count ? gaps[i] : TimeSpan.MaxValue }.Min();
            if (nearest >= MinFar && nearest.TotalSeconds >= FarFactor * Math.Max(spacing.TotalSeconds, 1))
                warnings.Add($"profile {p.SourceName} was taken {Hours(nearest)} away from the nearest other profile (they are usually {Hours(spacing)} apart); it is probably from another run.");
        }
        return warnings;
    }

    private static string Hours(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalHours:0.#} h")
        : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.#} s");
}
