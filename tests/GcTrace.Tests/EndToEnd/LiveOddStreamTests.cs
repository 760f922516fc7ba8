// Issue 11, item 9: streams that are not one well-behaved process, through the built CLI: two real processes' logs
// interleaved line by line, a log shipped twice, and a clock that goes backwards.
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class LiveOddStreamTests
{
    private static readonly string Steady = Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");
    private static readonly string Leak = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "combined.log");

    [Fact]
    public void TwoInterleavedProcesses_AreAnalysedApart_AndTheReportSaysSo()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-odd-").FullName;
        var mixed = Path.Combine(dir, "mixed.log");
        var (a, b) = (File.ReadAllLines(Steady), File.ReadAllLines(Leak));
        File.WriteAllLines(mixed, Enumerable.Range(0, Math.Max(a.Length, b.Length))
            .SelectMany(i => new[] { i < a.Length ? a[i] : null, i < b.Length ? b[i] : null })
            .OfType<string>());
        var alone = Summary(Leak, dir);

        var (json, stderr) = Run(mixed, dir);

        var gc = json.GetProperty("gc");
        gc.GetProperty("missing_cycles").GetInt64().Should().Be(alone.GetProperty("gc").GetProperty("missing_cycles").GetInt64() + Summary(Steady, dir).GetProperty("gc").GetProperty("missing_cycles").GetInt64());
        gc.GetProperty("interleaved").GetBoolean().Should().BeTrue();
        json.GetProperty("gc_cpu").GetProperty("fraction").GetDouble().Should().BeLessThanOrEqualTo(1);
        var verdict = json.GetProperty("verdict");
        verdict.GetProperty("kind").GetString().Should().Be(alone.GetProperty("verdict").GetProperty("kind").GetString(), "the leaking process's own verdict: " + stderr);
        stderr.Should().Contain("2 processes are interleaved");
    }

    [Fact]
    public void ALogShippedTwice_CountsEachCycleOnce()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-odd-").FullName;
        var twice = Path.Combine(dir, "twice.log");
        File.WriteAllText(twice, File.ReadAllText(Steady) + File.ReadAllText(Steady));
        var once = Summary(Steady, dir);

        var (json, stderr) = Run(twice, dir);

        json.GetProperty("gc").GetProperty("cycles").GetInt64().Should().Be(once.GetProperty("gc").GetProperty("cycles").GetInt64(), stderr);
        json.GetProperty("gc").GetProperty("duplicate_cycles").GetInt64().Should().Be(once.GetProperty("gc").GetProperty("cycles").GetInt64());
        json.GetProperty("gc").GetProperty("segment_count").GetInt64().Should().Be(1, "a copy is not a restart");
    }

    [Fact]
    public void ClockGoingBackwards_NeverGivesAFractionAboveOne()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-odd-").FullName;
        var reversed = Path.Combine(dir, "reversed.log");
        File.WriteAllLines(reversed, File.ReadAllLines(Steady).Reverse());

        var (json, _) = Run(reversed, dir);

        var cpu = json.GetProperty("gc_cpu");
        foreach (var key in new[] { "fraction", "assist_fraction", "background_fraction", "idle_fraction" })
            if (cpu.GetProperty(key).ValueKind == JsonValueKind.Number) cpu.GetProperty(key).GetDouble().Should().BeInRange(0, 1, key);
    }

    private static JsonElement Summary(string log, string dir) => Run(log, dir).Json;

    private static (JsonElement Json, string Stderr) Run(string log, string dir)
    {
        var json = Path.Combine(dir, Path.GetFileNameWithoutExtension(log) + Guid.NewGuid().ToString("N") + ".json");
        var r = CliProcess.Run($"'{log}' --json '{json}'", timeout: TimeSpan.FromMinutes(1));
        r.ExitCode.Should().Be(0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return (doc.RootElement.Clone(), r.Stderr);
    }
}
