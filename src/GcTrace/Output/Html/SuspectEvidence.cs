// For each suspect: the heaviest stack through it in the last heap snapshot, its in-use bytes in every snapshot, and
// for goroutine suspects how many goroutines were parked at its site in every goroutine snapshot.
using System.Globalization;
using GcTrace.Diagnosis;
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

    /// <summary>
    /// The suspect's in-use bytes per snapshot: what was allocated through its site's line when the profiles place it
    /// (a func literal's memory counts for the function that declares it, which a flat per-function sum would miss),
    /// else the function's flat in-use bytes.
    /// </summary>
    public static IReadOnlyList<HtmlSnapshot> Growth(IReadOnlyList<Profile> heaps, Suspect suspect)
    {
        ArgumentNullException.ThrowIfNull(heaps);
        ArgumentNullException.ThrowIfNull(suspect);
        if (heaps.Count == 0) return [];
        // A goroutine suspect's site is where its goroutines are parked, which allocates nothing: then the line of its
        // function that grew most, then the function's flat bytes.
        var lines = new List<(string File, long Line)>();
        if (suspect.Site is { } site) lines.Add((site.File, site.Line));
        if (suspect.Lines.Count > 0 && suspect.Lines.MaxBy(l => l.CumBytes) is { CumBytes: > 0 } top) lines.Add((top.File, top.Line));
        foreach (var (file, line) in lines)
        {
            var atLine = heaps.Select((heap, i) =>
                {
                    var column = SampleIndex.Resolve(heap, "inuse_space");
                    return new HtmlSnapshot(Label(heaps, i), heap.Samples.Where(s => Through(s, file, line)).Sum(s => s.Values[column]));
                }).ToList();
            if (atLine.Any(s => s.InuseBytes != 0)) return atLine;
        }
        var flat = LeakSiteSeries.From(heaps, [suspect.Function], 0)[suspect.Function]
            .Select((s, i) => new HtmlSnapshot(Label(heaps, i), s.InuseBytes)).ToList();
        return flat.Any(s => s.InuseBytes != 0) ? flat : [];
    }

    /// <summary>Goroutines whose stack passes through <paramref name="site"/>, per goroutine snapshot.</summary>
    public static IReadOnlyList<HtmlGoroutineCount> Goroutines(IReadOnlyList<Profile> goroutines, SuspectSite site)
    {
        ArgumentNullException.ThrowIfNull(goroutines);
        ArgumentNullException.ThrowIfNull(site);
        return goroutines.Select((g, i) => new HtmlGoroutineCount(Label(goroutines, i),
                g.Samples.Where(s => Through(s, site.File, site.Line)).Sum(s => s.Values.Count > 0 ? s.Values[0] : 0)))
            .ToList();
    }

    private static bool Through(ProfileSample sample, string file, long line) =>
        sample.Stack.Any(f => f.Line == line && f.File == file);

    // "+30 s" after the series' first timed snapshot, or the file's name when the profile carries no time.
    private static string Label(IReadOnlyList<Profile> series, int i)
    {
        var first = series.Select(p => p.Time).FirstOrDefault(t => t is not null);
        return series[i].Time is { } t && first is { } f
            ? $"+{(t - f).TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
            : Path.GetFileName(series[i].SourceName);
    }
}
