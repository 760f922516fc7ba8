// The per-event metrics against an independent computation over real traces: what a scrape shows after the sink ran.
using System.Globalization;
using System.Text.RegularExpressions;
using GcTrace.Events;
using GcTrace.Output.Monitoring;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Monitoring;

public class MetricsSinkTests
{
    private static string Scrape(GcMetrics metrics, bool openMetrics = false)
    {
        using var s = new MemoryStream();
        metrics.WriteAsync(s, openMetrics, CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(s.ToArray());
    }

    private static double Value(string text, string series)
    {
        var line = text.Split('\n').Single(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("go1.19/steady/combined.log", 7)]
    [InlineData("go1.19/pressure_noleak/combined.log", 100)]
    [InlineData("go1.19/leak_global_map/combined.log", 1)]
    public void RealTrace_InBatchesOfAnySize_GivesTheSameSeriesAsCountingEachCycle(string log, int batchSize)
    {
        var cycles = FixtureCycles.FromCorpus(log);
        cycles.Should().HaveCountGreaterThan(10);
        var metrics = new GcMetrics(new Dictionary<string, string> { ["service"] = "t" });
        var sink = new MetricsSink(metrics);
        foreach (var chunk in cycles.Chunk(batchSize)) sink.Write(chunk);
        var text = Scrape(metrics);

        Value(text, "gctrace_gc_cycles_total{service=\"t\"}").Should().Be(cycles.Count);
        Value(text, "gctrace_gc_forced_cycles_total{service=\"t\"}").Should().Be(cycles.Count(c => c.Forced));
        Value(text, "gctrace_stw_pause_seconds_count{service=\"t\"}").Should().Be(cycles.Count);
        Value(text, "gctrace_stw_pause_seconds_sum{service=\"t\"}").Should().BeApproximately((double)cycles.Sum(c => c.StwTotalMs) / 1000, 1e-12);
        foreach (var le in GcMetrics.StwBucketsS)
        {
            // Oracle: the cumulative count of pauses at or under each bound, from the printed values in decimal.
            var bound = (decimal)le * 1000;
            var label = le.ToString(CultureInfo.InvariantCulture).ToLowerInvariant(); // prometheus-net writes 1e-05
            Value(text, $"gctrace_stw_pause_seconds_bucket{{service=\"t\",le=\"{label}\"}}")
                .Should().Be(cycles.Count(c => c.StwTotalMs <= bound), $"le={label}");
        }
        Value(text, "gctrace_stw_pause_seconds_bucket{service=\"t\",le=\"+Inf\"}").Should().Be(cycles.Count);
        Value(text, "gctrace_gc_cpu_seconds_total{part=\"assist\",service=\"t\"}").Should().BeApproximately((double)cycles.Sum(c => c.CpuAssistMs) / 1000, 1e-9);
        Value(text, "gctrace_gc_cpu_seconds_total{part=\"background\",service=\"t\"}").Should().BeApproximately((double)cycles.Sum(c => c.CpuBackgroundMs) / 1000, 1e-9);
        Value(text, "gctrace_gc_cpu_seconds_total{part=\"idle\",service=\"t\"}").Should().BeApproximately((double)cycles.Sum(c => c.CpuIdleMs) / 1000, 1e-9);
        Value(text, "gctrace_gc_cpu_seconds_total{part=\"stw\",service=\"t\"}")
            .Should().BeApproximately((double)cycles.Sum(c => c.CpuStwSweepTermMs + c.CpuStwMarkTermMs) / 1000, 1e-9);
        Value(text, "gctrace_heap_live_bytes{service=\"t\"}").Should().Be(cycles[^1].HeapLiveMb * 1048576.0);
        Value(text, "gctrace_heap_goal_bytes{service=\"t\"}").Should().Be(cycles[^1].HeapGoalMb * 1048576.0);
    }

    [Fact]
    public void Restart_InTheMiddleOfABatch_IsCountedOnce()
    {
        var cycles = FixtureCycles.FromCorpus("go1.19/steady/combined.log");
        var twice = cycles.Concat(cycles).ToList(); // the program ran again into the same pipe: gc 1 follows gc N
        var metrics = new GcMetrics(new Dictionary<string, string>());
        new MetricsSink(metrics).Write(twice);
        Value(Scrape(metrics), "gctrace_process_restarts_total").Should().Be(1);
    }

    [Fact]
    public void BeforeAnyCycle_EverySeriesExists_AndTheVerdictIsInconclusive()
    {
        var text = Scrape(new GcMetrics(new Dictionary<string, string>()));
        foreach (var name in new[]
        {
            MetricNames.GcCycles, MetricNames.GcForcedCycles, MetricNames.StwPause + "_count", MetricNames.AvailableCpu, MetricNames.HeapLive,
            MetricNames.HeapGoal, MetricNames.HeapLiveSlope, MetricNames.ProcessRestarts,
        })
        {
            text.Should().MatchRegex($"(?m)^{Regex.Escape(name)} 0$");
        }
        foreach (var part in new[] { "assist", "background", "idle", "stw" }) text.Should().Contain($"gctrace_gc_cpu_seconds_total{{part=\"{part}\"}} 0");
        foreach (var kind in MetricNames.LineKinds) text.Should().Contain($"gctrace_input_lines_total{{kind=\"{kind}\"}} 0");
        text.Should().Contain("gctrace_verdict{kind=\"inconclusive\"} 1").And.Contain("gctrace_verdict{kind=\"leak\"} 0");
        text.Should().MatchRegex("(?m)^gctrace_verdict_confidence 0.33$", "no cycles yet: inconclusive, low confidence");
        Scrape(new GcMetrics(new Dictionary<string, string>()), openMetrics: true).Should().EndWith("# EOF\n");
    }
}
