// Builds GcCycle records from complete go1.18+ gc lines with the spec's plain regex (gctrace-format.md §1.4),
// so chart tests run on real corpus logs without depending on the real parser.
using System.Globalization;
using System.Text.RegularExpressions;
using GcTrace.Events;

namespace GcTrace.Tests.Support;

internal static partial class ChartTestCycles
{
    [GeneratedRegex(@"^gc (\d+) @(\d+\.\d{3})s (\d+)%( \(checking for goroutine leaks\))?: (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms clock, (\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?) ms cpu, (\d+)->(\d+)->(\d+) MB, (\d+) MB goal, (\d+) MB stacks, (\d+) MB globals, (\d+) P( \(forced\))?$")]
    private static partial Regex Go118Line();

    /// <summary>The go1.19 corpus runs whose combined.log has at least one gc line.</summary>
    public static IEnumerable<string> CorpusRuns() =>
        Directory.GetDirectories(RepoRoot.Combine("fixtures", "corpus", "go1.19"))
            .Where(dir => File.ReadLines(System.IO.Path.Combine(dir, "combined.log")).Any(l => Go118Line().IsMatch(l)))
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public static List<GcCycle> FromCorpus(string run) =>
        FromLines(File.ReadLines(RepoRoot.Combine("fixtures", "corpus", "go1.19", run, "combined.log")));

    /// <summary>Complete lines only: torn or interleaved lines are the real parser's business, not the charts'.</summary>
    public static List<GcCycle> FromLines(IEnumerable<string> lines)
    {
        var cycles = new List<GcCycle>();
        long number = 0;
        foreach (string line in lines)
        {
            number++;
            Match m = Go118Line().Match(line);
            if (!m.Success) continue;
            decimal D(int g) => decimal.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            long L(int g) => long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
            cycles.Add(new GcCycle(number, GcFormat.Go118, L(1), D(2), (int)L(3), m.Groups[4].Success,
                D(5), D(6), D(7), D(8), D(9), D(10), D(11), D(12),
                L(13), L(14), L(15), L(16), L(17), L(18), (int)L(19), m.Groups[20].Success));
        }
        return cycles;
    }
}
