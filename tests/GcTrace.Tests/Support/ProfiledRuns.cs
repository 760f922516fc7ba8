// Fixture runs that carry heap and goroutine profiles, with their ground truth, run through trace + profiles.
namespace GcTrace.Tests.Support;

using System.Text.Json;
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Profiles;
using GcTrace.Source;

public static class ProfiledRuns
{
    /// <summary>Run folders relative to fixtures/ that hold heap-000.pb.gz (corpus go1.19, go1.26 and fixtures/runs).</summary>
    public static List<string> Folders() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "runs"))
            .Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Corpus, "go1.19")))
            .Concat(Directory.GetDirectories(Path.Combine(RepoPaths.Corpus, "go1.26")))
            .Where(d => File.Exists(Path.Combine(d, "heap-000.pb.gz")))
            .Select(d => Path.GetRelativePath(RepoPaths.Fixtures, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static ProfileStore Series(string folder)
    {
        var series = new ProfileStore();
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, folder), "*.pb.gz").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(f);
            if (name.StartsWith("heap-", StringComparison.Ordinal) || name.StartsWith("goroutine-", StringComparison.Ordinal))
            {
                series.Add(ProfileReader.ReadFile(f));
            }
        }

        return series;
    }

    /// <summary>The fixture programs' sources: profiles built with -trimpath record gcfixtures/&lt;program&gt;/main.go,
    /// found under fixtures/src by suffix, as `--source fixtures/src` finds them.</summary>
    public static SourceLocator FixtureSources { get; } = new([Path.Combine(RepoPaths.Fixtures, "src")]);

    public static Verdict Diagnose(string folder, ProfileStore? series, SourceLocator? sources = null)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, folder, "combined.log"));
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in CollectingOutput.Scan(bytes).Output.Cycles)
        {
            analyzer.Add(cycle);
        }

        return new Diagnoser(series, sources: sources ?? FixtureSources).Decide(analyzer.Summarize());
    }

    /// <summary>(label, pattern, leak functions) from meta.json; the corpus names them leak_alloc_sites.</summary>
    public static (string Label, string? Pattern, IReadOnlyList<string> Functions) Truth(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, folder, "meta.json")));
        var gt = doc.RootElement.GetProperty("ground_truth");
        var label = gt.GetProperty("label").GetString()!;
        var pattern = gt.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        var list = gt.TryGetProperty("leak_functions", out var lf) ? lf : gt.TryGetProperty("leak_alloc_sites", out var ls) ? ls : default;
        var functions = list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()!).Where(s => !s.Contains(' ', StringComparison.Ordinal)).ToList()
            : [];
        return (label, pattern, functions);
    }
}
