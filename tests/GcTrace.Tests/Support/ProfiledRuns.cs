// Fixture runs that carry heap and goroutine profiles, with their ground truth, run through trace + profiles.
using System.Text.Json;
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Profiles;
using GcTrace.Source;

namespace GcTrace.Tests.Support;

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

    /// <summary>Every run folder relative to fixtures/ with a meta.json and a combined.log (fixtures/runs and the corpus),
    /// with or without profiles: what scripts/accuracy.sh scores.</summary>
    public static List<string> AllRuns() =>
        Directory.GetDirectories(Path.Combine(RepoPaths.Fixtures, "runs"))
            .Concat(Directory.GetDirectories(RepoPaths.Corpus).SelectMany(Directory.GetDirectories))
            .Where(d => File.Exists(Path.Combine(d, "meta.json")) && File.Exists(Path.Combine(d, "combined.log")))
            .Select(d => Path.GetRelativePath(RepoPaths.Fixtures, d).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>True when the run was profiled with a dense runtime.MemProfileRate (-memprofilerate in its argv): only
    /// then are the small objects that name a pattern (map buckets, func literals, timers) sampled.</summary>
    public static bool DenselySampled(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, folder, "meta.json")));
        return doc.RootElement.TryGetProperty("argv", out var argv) && argv.ValueKind == JsonValueKind.Array
            && argv.EnumerateArray().Any(a => a.GetString() == "-memprofilerate");
    }

    /// <summary>True when the run folder holds heap or goroutine profiles.</summary>
    public static bool HasProfiles(string folder) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, folder), "*.pb.gz")
            .Any(f => Path.GetFileName(f).StartsWith("heap-", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("goroutine-", StringComparison.Ordinal));

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

    public static Verdict Diagnose(string folder, ProfileStore? series, SourceLocator? sources = null) => Summarize(folder, series, sources).Verdict;

    /// <summary>The whole summary of the run's trace, with the verdict drawn from it and the profiles.</summary>
    public static TraceDiagnosis Summarize(string folder, ProfileStore? series, SourceLocator? sources = null)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Fixtures, folder, "combined.log"));
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in CollectingOutput.Scan(bytes).Output.Cycles)
        {
            analyzer.Add(cycle);
        }

        var summary = analyzer.Summarize();
        return new TraceDiagnosis(summary, new Diagnoser(series, sources: sources ?? FixtureSources).Decide(summary));
    }

    /// <summary>(label, pattern, leak functions, expected verdict kind) from meta.json; the corpus names the functions
    /// leak_alloc_sites. Kind is ground_truth.kind, null where a meta.json has none.</summary>
    public static (string Label, string? Pattern, IReadOnlyList<string> Functions, string? Kind) Truth(string folder)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, folder, "meta.json")));
        var gt = doc.RootElement.GetProperty("ground_truth");
        var label = gt.GetProperty("label").GetString()!;
        var pattern = gt.TryGetProperty("pattern", out var p) ? p.GetString() : null;
        var list = gt.TryGetProperty("leak_functions", out var lf) ? lf : gt.TryGetProperty("leak_alloc_sites", out var ls) ? ls : default;
        var functions = list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()!).Where(s => !s.Contains(' ', StringComparison.Ordinal)).ToList()
            : [];
        var kind = gt.TryGetProperty("kind", out var k) ? k.GetString() : null;
        return (label, pattern, functions, kind);
    }
}
