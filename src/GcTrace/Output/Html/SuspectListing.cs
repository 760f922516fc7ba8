// A suspect's function with each line's growth, as `go tool pprof -list` shows it: flat, cum, line, code.
using GcTrace.Diagnosis;
using GcTrace.Source;

namespace GcTrace.Output.Html;

/// <summary>
/// One listing per source file the suspect's growth is in, the site's file first. With the source found, the whole
/// function around the site (a func literal's declaring function, which holds the literal); a long one only around the
/// lines that grew, with the gaps marked. Without the source, only the lines that grew, with their numbers.
/// </summary>
public static class SuspectListing
{
    /// <summary>A function this long is shown whole; a longer one around its growing lines (a report, not an editor).</summary>
    public const int MaxWholeLines = 60;

    /// <summary>Lines shown either side of a growing line in a long function: enough to read the statement in context.</summary>
    public const int ContextLines = 3;

    /// <summary>Files listed per suspect: growth spread over more files is the call path's business, not a listing's.</summary>
    public const int MaxFiles = 2;

    public static IReadOnlyList<HtmlListing> For(Suspect suspect, SourceLocator? sources)
    {
        ArgumentNullException.ThrowIfNull(suspect);
        var reader = sources is null ? null : new CodeReader(sources);
        var marked = new List<(string File, long Line)>();
        if (suspect.Site is { } site) marked.Add((site.File, site.Line));
        if (suspect.CreatedBy is { } created) marked.Add((created.File, created.Line));
        var files = suspect.Lines.GroupBy(l => l.File, StringComparer.Ordinal)
            .OrderByDescending(g => g.Key == suspect.Site?.File).ThenByDescending(g => g.Max(l => l.CumBytes))
            .Select(g => g.Key)
            .ToList();
        if (suspect.Site is { } only && !files.Contains(only.File)) files.Insert(0, only.File);
        return files.Take(MaxFiles)
            .Select(file => Listing(suspect, file, suspect.Lines.Where(l => l.File == file).ToList(), marked, reader))
            .Where(l => l.Rows.Count > 0)
            .ToList();
    }

    private static HtmlListing Listing(Suspect suspect, string file, IReadOnlyList<LineGrowth> growth, List<(string File, long Line)> marks, CodeReader? reader)
    {
        // A line whose memory came and went between the snapshots shows as pprof shows it: nothing.
        var byLine = growth.Where(g => g.FlatBytes != 0 || g.CumBytes != 0).ToDictionary(g => g.Line);
        var anchor = marks.Where(m => m.File == file).Select(m => m.Line).DefaultIfEmpty(byLine.Count > 0 ? byLine.Values.MaxBy(g => g.CumBytes)!.Line : 0).Min();
        var function = reader?.Function(new CodeFrame(suspect.Function, file, anchor));
        // A mark names the file as recorded, or (a `go` statement found in the code) as located on disk.
        var marked = marks.Where(m => m.File == file || (function is not null && SameFile(m.File, function.File.Path)))
            .Select(m => m.Line).ToHashSet();
        var interesting = byLine.Keys.Concat(marked).ToHashSet();
        if (interesting.Count == 0) return new HtmlListing(suspect.Function, file, function is not null, []);
        if (function is null)
        {
            // The file was not found (or holds no such function): the lines that grew, with their numbers only.
            var bare = interesting.Order()
                .Select(n => Row(n, null, byLine, marked, gapBefore: false))
                .ToList();
            return new HtmlListing(suspect.Function, file, SourceFound: false, bare);
        }

        // The function, stretched to any growing line outside it (a profile of an older build), within the file.
        var first = (int)Math.Max(1, Math.Min(function.FirstLine, interesting.Min()));
        var last = (int)Math.Min(function.File.LineCount, Math.Max(function.LastLine, interesting.Max()));
        var shown = last - first + 1 <= MaxWholeLines
            ? Enumerable.Range(first, last - first + 1).Select(n => (long)n).ToList()
            : interesting.SelectMany(n => Enumerable.Range((int)n - ContextLines, 2 * ContextLines + 1).Select(x => (long)x))
                .Append(function.FirstLine).Where(n => n >= first && n <= last).Distinct().Order().ToList();
        var rows = shown.Select((n, i) => Row(n, function.File.RawLine((int)n), byLine, marked, gapBefore: i > 0 && shown[i - 1] != n - 1)).ToList();
        return new HtmlListing(suspect.Function, file, SourceFound: true, rows);
    }

    private static HtmlListingRow Row(long line, string? code, Dictionary<long, LineGrowth> byLine, HashSet<long> marked, bool gapBefore)
    {
        var g = byLine.GetValueOrDefault(line);
        return new HtmlListingRow(line, code, g is { FlatBytes: not 0 } ? g.FlatBytes : null, g is { CumBytes: not 0 } ? g.CumBytes : null, marked.Contains(line), gapBefore);
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
