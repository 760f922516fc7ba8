// Test input only: GcCycle records from the unbroken go1.18+ gc lines of a log, by the plain regex of gctrace-format.md §1.4.
using System.Globalization;
using System.Text.RegularExpressions;
using GcTrace.Events;

namespace GcTrace.Tests.Support;
/// <summary>
/// Deliberately not the parser: the analyzers are checked against a computation that shares no code with it. Lines that
/// other output broke into pieces simply do not match and are skipped, which is good enough input for that.
/// </summary>
internal static partial class FixtureCycles
{
    [GeneratedRegex(@"^gc (\d+) @(\d+\.\d{3})s (\d+)%( \(checking for goroutine leaks\))?: (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms clock, (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (\d+) MB stacks, (\d+) MB globals, (\d+) P( \(forced\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Go118Line();

    /// <summary>The go1.19 corpus runs whose combined.log has at least one whole gc line (what a chart can draw).</summary>
    public static IEnumerable<string> Go119RunsWithCycles() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Corpus, "go1.19"))
            .Where(dir => File.ReadLines(Path.Combine(dir, "combined.log")).Any(l => Go118Line().IsMatch(l)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>The cycles of one go1.19 corpus run, by its folder name.</summary>
    public static List<GcCycle> FromGo119Run(string run) => [.. FromCorpus($"go1.19/{run}/combined.log")];

    public static IReadOnlyList<GcCycle> FromCorpus(string relativePath) =>
        FromLines(File.ReadLines(Path.Combine(RepoPaths.Corpus, relativePath)));

    public static IReadOnlyList<GcCycle> FromLines(IEnumerable<string> lines)
    {
        var cycles = new List<GcCycle>();
        long lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            var m = Go118Line().Match(line);
            if (!m.Success)
            {
                continue;
            }

            decimal D(int g) => decimal.Parse(m.Groups[g].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            long L(int g) => long.Parse(m.Groups[g].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            cycles.Add(new GcCycle(
                lineNumber, GcFormat.Go118, L(1), D(2), (int)L(3), m.Groups[4].Success,
                D(5), D(6), D(7), D(8), D(9), D(10), D(11), D(12),
                L(13), L(14), L(15), L(16), L(17), L(18), (int)L(19), m.Groups[20].Success));
        }

        return cycles;
    }
}
