// PprofLineRows: the rows of a saved `go tool pprof -top -lines` output: function, file, line, flat and cum text.
using System.Globalization;
using System.Text.RegularExpressions;

namespace GcTrace.Tests.Support;

internal static partial class PprofLineRows
{
    // "    3.53MB   100%   100%     3.53MB   100%  main.cacheResult gcfixtures/src_map/main.go:15 (inline)"
    [GeneratedRegex(@"^\s*(\S+)\s+\S+\s+\S+\s+(\S+)\s+\S+\s+(\S+) (\S+):(\d+)( \(inline\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Row();

    /// <summary>Rows in pprof's order (|flat| descending, then |cum|): function, file, line.</summary>
    public static List<(string Function, string File, long Line)> Load(string path) =>
        PprofOracle.Load(path).Rows
            .Select(r => Row().Match(r))
            .Where(m => m.Success)
            .Select(m => (m.Groups[3].Value, m.Groups[4].Value, long.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>A goroutine listing's rows in `-top -lines -cum` order (|cum| descending, pprof's order among equals):
    /// user frames of parked goroutines have flat 0, so the cum count is how many new goroutines sit on the line.</summary>
    public static List<(string Function, string File, long Line)> LoadGoroutinesByCum(string path) =>
        PprofOracle.Load(path).Rows
            .Select(r => Row().Match(r))
            .Where(m => m.Success)
            .Select(m => (Row: (m.Groups[3].Value, m.Groups[4].Value, long.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture)),
                Cum: Math.Abs(long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))))
            .OrderByDescending(x => x.Cum)
            .Select(x => x.Row)
            .ToList();
}
