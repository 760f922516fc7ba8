// For each suspect: the heaviest stack through it in the last heap snapshot, and its in-use bytes in every snapshot.
using System.Globalization;
using GcTrace.Output.Charts;
using GcTrace.Profiles;

namespace GcTrace.Output.Html;

public static class SuspectEvidence
{
    /// <summary>Frames shown per stack: the innermost ones say where memory is held; main and runtime start-up do not.</summary>
    public const int MaxFrames = 12;

    /// <summary>The heaviest inuse_space stack of the last snapshot that passes through <paramref name="function"/>.</summary>
    public static IReadOnlyList<string> Stack(IReadOnlyList<Profile> heaps, string function)
    {
        if (heaps.Count == 0) return [];
        var last = heaps[^1];
        var column = SampleIndex.Resolve(last, "inuse_space");
        var heaviest = last.Samples
            .Where(s => s.Stack.Any(f => f.Function == function))
            .MaxBy(s => s.Values[column]);
        if (heaviest is null) return [];
        return heaviest.Stack.Take(MaxFrames)
            .Select(f => f.File.Length > 0 ? $"{f.Function}  {f.File}:{f.Line.ToString(CultureInfo.InvariantCulture)}" : f.Function)
            .ToList();
    }

    /// <summary>The function's flat in-use bytes per snapshot, labelled by seconds after the first snapshot.</summary>
    public static IReadOnlyList<HtmlSnapshot> Growth(IReadOnlyList<Profile> heaps, string function)
    {
        if (heaps.Count == 0) return [];
        var samples = LeakSiteSeries.From(heaps, [function], 0)[function];
        return samples.Select((s, i) => new HtmlSnapshot(
                heaps[i].Time is null ? Path.GetFileName(heaps[i].SourceName) : $"+{s.TimeS.ToString("0.#", CultureInfo.InvariantCulture)} s",
                s.InuseBytes))
            .ToList();
    }
}
