// Reads per-site inuse_space from the corpus's `go tool pprof -top` snapshots, so the leak-sites chart is tested on real
// numbers that pprof computed, not on what our own profile reader makes of the same profiles.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcTrace.Output.Charts;

namespace GcTrace.Tests.Support;

internal static partial class ChartTestLeakSites
{
    // "31407.06kB 95.34% 95.34% 31407.06kB 95.34%  main.cacheResult": flat size, then the function.
    [GeneratedRegex(@"^\s*([\d.]+)(B|kB|MB|GB)\s+\S+%\s+\S+%\s+\S+\s+\S+%\s+(.+)$")]
    private static partial Regex TopRow();

    [GeneratedRegex(@"heap-(\d+)\.inuse_space\.top\.txt$")]
    private static partial Regex SnapshotFile();

    public static Dictionary<string, IReadOnlyList<LeakSample>> FromCorpus(string run)
    {
        string dir = Path.Combine(RepoPaths.Corpus, "go1.19", run);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var elapsed = manifest.RootElement.GetProperty("samples").EnumerateArray()
            .ToDictionary(s => s.GetProperty("index").GetInt32(), s => s.GetProperty("elapsed_s").GetDouble());

        var sites = new Dictionary<string, List<LeakSample>>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(dir, "heap-*.inuse_space.top.txt").Order(StringComparer.Ordinal))
        {
            int index = int.Parse(SnapshotFile().Match(file).Groups[1].Value, CultureInfo.InvariantCulture);
            foreach (string line in File.ReadLines(file))
            {
                Match m = TopRow().Match(line);
                if (!m.Success) continue;
                double value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                long bytes = (long)(value * m.Groups[2].Value switch { "kB" => 1024, "MB" => 1 << 20, "GB" => 1 << 30, _ => 1 });
                string site = m.Groups[3].Value.Trim();
                if (!sites.TryGetValue(site, out var samples)) sites[site] = samples = [];
                samples.Add(new LeakSample(elapsed[index], bytes));
            }
        }
        return sites.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<LeakSample>)kv.Value, StringComparer.Ordinal);
    }
}
