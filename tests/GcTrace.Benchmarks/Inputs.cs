// Real input for the benchmarks: lines taken from the repository's fixtures, never made up.
using System.Text;

namespace GcTrace.Benchmarks;

public static class Inputs
{
    private static readonly string Root = FindRoot();

    /// <summary>Whole gc lines from every generated run, as the runtime printed them (go1.19, "MB stacks" era).</summary>
    public static readonly string[] GcLines = Fixtures()
        .SelectMany(File.ReadLines)
        .Where(l => l.StartsWith("gc ", StringComparison.Ordinal) && l.EndsWith(" P", StringComparison.Ordinal) && l.Contains("ms clock"))
        .Distinct()
        .ToArray();

    /// <summary>Application lines from the same runs: the lines the scanner must pass through untouched.</summary>
    public static readonly string[] AppLines = Fixtures()
        .SelectMany(File.ReadLines)
        .Where(l => l.Length > 0 && (char.IsAsciiLetter(l[0]) || l[0] == '[') && !l.StartsWith("gc ", StringComparison.Ordinal)
            && !l.Contains("ms clock") && !l.Contains("MB goal") && !l.Contains("scvg") && !l.Contains("pacer:")
            && !l.Contains("SCHED") && !l.Contains("scav ") && !l.Contains("GC forced") && !l.Contains(" gc "))
        .ToArray();

    /// <summary>Whole real lines of each other trace kind in every fixture (go1.19 and go1.26 runs), by kind.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> OtherKinds = new Dictionary<string, string[]>
    {
        ["scav"] = AllFixtures().SelectMany(File.ReadLines).Where(l => l.StartsWith("scav ", StringComparison.Ordinal)).ToArray(),
        ["pacer start"] = AllFixtures().SelectMany(File.ReadLines).Where(l => l.StartsWith("pacer: assist ratio=", StringComparison.Ordinal)).ToArray(),
        ["pacer end"] = AllFixtures().SelectMany(File.ReadLines).Where(l => l.StartsWith("pacer: ", StringComparison.Ordinal) && l.Contains("% CPU", StringComparison.Ordinal)).ToArray(),
        ["scan"] = AllFixtures().SelectMany(File.ReadLines).Where(l => l.StartsWith("scan: ", StringComparison.Ordinal)).ToArray(),
        ["SCHED"] = AllFixtures().SelectMany(File.ReadLines).Where(l => l.StartsWith("SCHED ", StringComparison.Ordinal)).ToArray(),
    };

    /// <summary>
    /// About <paramref name="bytes"/> as GODEBUG=gctrace=1,scavtrace=1,gcpacertrace=1 prints them (what scripts/bench.sh
    /// builds): per gc line the pacer's start and end lines and a scav line, scan lines every 8th cycle, SCHED every 100th.
    /// </summary>
    public static byte[] AllKinds(int bytes)
    {
        var sb = new StringBuilder(bytes + 4096);
        string Pick(string kind, int i) => OtherKinds[kind][i % OtherKinds[kind].Length];
        for (var i = 0; sb.Length < bytes; i++)
        {
            sb.Append(Pick("pacer start", i)).Append('\n').Append(Pick("pacer end", i)).Append('\n')
                .Append(GcLines[i % GcLines.Length]).Append('\n').Append(Pick("scav", i)).Append('\n');
            if (i % 8 == 0)
                for (var k = 0; k < 3; k++) sb.Append(Pick("scan", (i / 8 * 3) + k)).Append('\n');
            if (i % 100 == 0) sb.Append(Pick("SCHED", i / 100)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>About <paramref name="bytes"/> of 99 application lines then one gc line, repeated.</summary>
    public static byte[] Mixed(int bytes)
    {
        var sb = new StringBuilder(bytes + 4096);
        for (var i = 0; sb.Length < bytes; i++)
        {
            for (var k = 0; k < 99; k++) sb.Append(AppLines[(i * 99 + k) % AppLines.Length]).Append('\n');
            sb.Append(GcLines[i % GcLines.Length]).Append('\n');
        }
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>About <paramref name="bytes"/> of gc lines only.</summary>
    public static byte[] GcOnly(int bytes)
    {
        var sb = new StringBuilder(bytes + 4096);
        for (var i = 0; sb.Length < bytes; i++) sb.Append(GcLines[i % GcLines.Length]).Append('\n');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static IEnumerable<string> Fixtures() =>
        Directory.GetDirectories(Path.Combine(Root, "fixtures", "runs"))
            .Select(d => Path.Combine(d, "combined.log"))
            .Append(Path.Combine(Root, "fixtures", "corpus", "go1.19", "edge_interleaved_writes", "combined.log"))
            .Where(File.Exists);

    private static IEnumerable<string> AllFixtures() =>
        Directory.GetDirectories(Path.Combine(Root, "fixtures", "corpus")).SelectMany(Directory.GetDirectories)
            .Concat(Directory.GetDirectories(Path.Combine(Root, "fixtures", "runs")))
            .Select(d => Path.Combine(d, "combined.log"))
            .Where(File.Exists);

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "GcTrace.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("GcTrace.sln not found above " + AppContext.BaseDirectory);
    }
}
