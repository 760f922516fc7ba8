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

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "GcTrace.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("GcTrace.sln not found above " + AppContext.BaseDirectory);
    }
}
