// JsonSummaryWriter: the contract's key tree, exactly, and numbers written culture-independently.
using System.Text.Json;
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;
using GcTrace.Output;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Output;

public class JsonSummaryWriterTests
{
    // Copied from output-contract.md, "Summary JSON".
    private static readonly Dictionary<string, string[]> ContractKeys = new()
    {
        ["input"] = ["lines", "gc_lines", "app_lines", "other_trace_lines", "repaired_gc_lines", "unrecognized_gc_lines"],
        ["gc"] = ["cycles", "forced", "first_cycle", "last_cycle", "missing_cycles", "span_s", "format"],
        ["stw_ms"] = ["count", "p50", "p90", "p95", "p99", "p999", "max", "mean", "total"],
        ["gc_cpu"] = ["fraction", "assist_fraction", "background_fraction", "idle_fraction"],
        ["heap"] = ["live_mb_first", "live_mb_last", "live_mb_min", "live_mb_max", "live_slope_mb_per_min", "goal_mb_last", "alloc_rate_mb_per_s", "inferred_gogc"],
        ["verdict"] = ["kind", "confidence", "reasons", "suspects"],
    };

    [Theory]
    [InlineData("go1.19/leak_global_map/combined.log")]
    [InlineData("go1.19/edge_short_zero/combined.log")]
    public void Write_Summary_HasEveryContractKeyInItsPlace(string log)
    {
        using var json = JsonDocument.Parse(WriteJson(Summarize(log)));
        var root = json.RootElement;

        // The what-if blocks (contract, "What-if") follow the verdict; without --what-if or advice they are empty.
        root.EnumerateObject().Select(p => p.Name).Should().Equal([.. ContractKeys.Keys, "what_if", "tuning_advice"]);
        root.GetProperty("what_if").GetArrayLength().Should().Be(0);
        root.GetProperty("tuning_advice").ValueKind.Should().Be(JsonValueKind.Null);
        foreach (var (block, keys) in ContractKeys)
        {
            var names = root.GetProperty(block).EnumerateObject().Select(p => p.Name).ToList();
            names.Should().StartWith(keys, "the contract's keys of {0} come first, extras after", block);
        }

        root.GetProperty("verdict").GetProperty("reasons").ValueKind.Should().Be(JsonValueKind.Array);
        root.GetProperty("verdict").GetProperty("suspects").ValueKind.Should().Be(JsonValueKind.Array);
        root.GetProperty("gc_cpu").GetProperty("runtime_cpu_pct_last").ValueKind.Should().NotBe(JsonValueKind.Undefined);
    }

    [Fact]
    public void Write_Suspect_UsesContractKeys()
    {
        var summary = Summarize("go1.19/steady/combined.log");
        summary = summary with
        {
            Verdict = summary.Verdict with { Suspects = [new Suspect("main.cache", SuspectPattern.UnboundedMap, 1024)] },
        };

        using var json = JsonDocument.Parse(WriteJson(summary));
        var suspect = json.RootElement.GetProperty("verdict").GetProperty("suspects")[0];

        suspect.EnumerateObject().Select(p => p.Name).Should().Equal("function", "pattern", "growth_bytes", "site", "path", "created_by", "evidence");
        suspect.GetProperty("growth_bytes").GetInt64().Should().Be(1024);
    }

    [Fact]
    public void Write_Decimals_KeepThePrintedDigits()
    {
        var analyzer = new TraceAnalyzer();
        analyzer.Add(Cycles.Make(1, 0.005m, stwSweepMs: 0.010m, stwMarkMs: 0.020m));

        var summary = analyzer.Summarize();
        var text = WriteJson(new TraceDiagnosis(summary, new TraceOnlyVerdict().Decide(summary)));

        text.Should().Contain("\"p50\": 0.030").And.Contain("\"total\": 0.030").And.NotContain("\r");
    }

    private static TraceDiagnosis Summarize(string log)
    {
        var analyzer = new TraceAnalyzer();
        foreach (var cycle in FixtureCycles.FromCorpus(log))
        {
            analyzer.Add(cycle);
        }

        var summary = analyzer.Summarize();
        return new TraceDiagnosis(summary, new TraceOnlyVerdict().Decide(summary));
    }

    private static string WriteJson(TraceDiagnosis summary)
    {
        using var text = new StringWriter();
        JsonSummaryWriter.Write(summary, text);
        return text.ToString();
    }
}
