// End to end against the real servers (Debian's prometheus and prometheus-pushgateway, via scripts/setup.sh): a live pipe
// scraped by Prometheus, a batch run pushed to a Pushgateway, three pipes scraped together, and the shipped dashboard's
// queries run on the server. One class, so its servers never run beside each other on a 2-core machine.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcTrace.Diagnosis;
using GcTrace.Output.Monitoring;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Monitoring;

public class PrometheusEndToEndTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(40);
    private static string RulesFile => Path.Combine(RepoPaths.Root, "docs", "monitoring", "gctrace.rules.yml");
    private static string DashboardFile => Path.Combine(RepoPaths.Root, "docs", "monitoring", "grafana-dashboard.json");

    private static double Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    [Fact]
    public async Task LivePipe_ScrapedByPrometheus_AgreesWithTheJsonSummaryOfTheSameRun()
    {
        var json = Path.Combine(Directory.CreateTempSubdirectory("gctrace-prom-e2e-").FullName, "summary.json");
        using var pipe = new LivePipe($"--label service=e2e --label version=1.2.3 --no-passthrough --json \"{json}\"");
        using var prometheus = new PrometheusServer([("gctrace", [pipe.Target], false)], [RulesFile]);

        // A real Go program whose heap keeps growing, traced for a few seconds; the pipe stays up after it ends.
        pipe.Feed("leak_map", "4s");
        var inputEnded = Now();
        // Two scrapes that begin after the input ended and after the throttled re-diagnosis was due again.
        prometheus.WaitForSamples("gctrace_gc_cycles_total{service=\"e2e\"}", 2, inputEnded + LiveDiagnosis.MinInterval.TotalSeconds + 0.5, Bounded);

        var q = new Dictionary<string, double>
        {
            ["cycles"] = prometheus.Scalar("gctrace_gc_cycles_total{service=\"e2e\",version=\"1.2.3\"}"),
            ["count"] = prometheus.Scalar("gctrace_stw_pause_seconds_count{service=\"e2e\"}"),
            ["sum"] = prometheus.Scalar("gctrace_stw_pause_seconds_sum{service=\"e2e\"}"),
            ["available"] = prometheus.Scalar("gctrace_available_cpu_seconds_total{service=\"e2e\"}"),
            ["gc_lines"] = prometheus.Scalar("gctrace_input_lines_total{service=\"e2e\",kind=\"gc\"}"),
            ["app_lines"] = prometheus.Scalar("gctrace_input_lines_total{service=\"e2e\",kind=\"app\"}"),
            ["confidence"] = prometheus.Scalar("gctrace_verdict_confidence{service=\"e2e\"}"),
            ["restarts"] = prometheus.Scalar("gctrace_process_restarts_total{service=\"e2e\"}"),
        };
        var cpu = prometheus.Vector("gctrace_gc_cpu_seconds_total{service=\"e2e\"}").ToDictionary(s => s.Labels["part"], s => s.Value);
        var verdict = prometheus.Vector("gctrace_verdict{service=\"e2e\"}").ToDictionary(s => s.Labels["kind"], s => s.Value);
        // Prometheus asked for OpenMetrics (its Accept header) and got it: the scrape used that parser.
        using var openMetrics = await Http.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, pipe.MetricsUrl)
        {
            Headers = { { "Accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5" } },
        });
        openMetrics.Content.Headers.ContentType!.MediaType.Should().Be("application/openmetrics-text");
        (await openMetrics.Content.ReadAsStringAsync()).Should().EndWith("# EOF\n");

        // Every query of the shipped dashboard is valid PromQL on the real server, and those that are not filters
        // ("== 1") or recording-rule results return data from this run.
        foreach (var expr in DashboardQueries())
        {
            var series = prometheus.Query(expr).GetProperty("result");
            if (!expr.Contains("==", StringComparison.Ordinal) && !Regex.IsMatch(expr, @"\b\w+:\w+:\w+\b"))
                series.GetArrayLength().Should().BeGreaterThan(0, $"dashboard query {expr} should see this run's data");
        }
        (await Http.Client.GetStringAsync($"{prometheus.Url}/api/v1/label/service/values?match[]=gctrace_gc_cycles_total")).Should().Contain("\"e2e\"", "the dashboard's $service variable lists services this way");

        var result = pipe.Finish();
        result.ExitCode.Should().Be(0, result.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var s = doc.RootElement;
        var gcCpu = s.GetProperty("gc_cpu");
        s.GetProperty("gc").GetProperty("cycles").GetInt64().Should().BeGreaterThan(8, "the program ran long enough for a verdict");

        q["cycles"].Should().Be(s.GetProperty("gc").GetProperty("cycles").GetInt64());
        q["restarts"].Should().Be(s.GetProperty("gc").GetProperty("segment_count").GetInt64() - 1);
        q["count"].Should().Be(s.GetProperty("stw_ms").GetProperty("count").GetInt64());
        // The contract: seconds are the trace's ms / 1000; sums of doubles differ from the exact decimal sums by rounding only.
        (q["sum"] * 1000).Should().BeApproximately(s.GetProperty("stw_ms").GetProperty("total").GetDouble(), 1e-6);
        (q["available"] * 1000).Should().BeApproximately(gcCpu.GetProperty("available_cpu_ms").GetDouble(), 1e-6);
        (cpu.Values.Sum() * 1000).Should().BeApproximately(gcCpu.GetProperty("gc_cpu_ms").GetDouble(), 1e-6);
        cpu.Keys.Should().BeEquivalentTo(["assist", "background", "idle", "stw"]);
        // The summary's fractions are rounded to 6 decimals.
        (cpu["assist"] / q["available"]).Should().BeApproximately(gcCpu.GetProperty("assist_fraction").GetDouble(), 6e-7);
        (cpu["background"] / q["available"]).Should().BeApproximately(gcCpu.GetProperty("background_fraction").GetDouble(), 6e-7);
        (cpu["idle"] / q["available"]).Should().BeApproximately(gcCpu.GetProperty("idle_fraction").GetDouble(), 6e-7);
        (cpu.Values.Sum() / q["available"]).Should().BeApproximately(gcCpu.GetProperty("fraction").GetDouble(), 6e-7);
        q["gc_lines"].Should().Be(s.GetProperty("input").GetProperty("gc_lines").GetInt64());
        q["app_lines"].Should().Be(s.GetProperty("input").GetProperty("app_lines").GetInt64());

        var kind = s.GetProperty("verdict").GetProperty("kind").GetString()!;
        verdict.Keys.Should().BeEquivalentTo(["leak", "gc-pressure", "healthy", "inconclusive"]);
        verdict.Should().ContainSingle(v => v.Value == 1).Which.Key.Should().Be(kind, "the live verdict is the summary's");
        verdict.Values.Where(v => v != 1).Should().AllSatisfy(v => v.Should().Be(0));
        var level = s.GetProperty("verdict").GetProperty("confidence").GetString();
        q["confidence"].Should().Be(VerdictConfidence.Value(Enum.GetValues<Confidence>().Single(c => ContractNames.Of(c) == level)));
    }

    [Fact]
    public void BatchRun_PushedToPushgateway_IsFoundInPrometheusByQuery()
    {
        using var gateway = new PushgatewayServer();
        using var prometheus = new PrometheusServer([("pushgateway", [gateway.Target], true)]);
        var log = Path.Combine(RepoPaths.Fixtures, "runs", "leak_map", "combined.log");
        var json = Path.Combine(Directory.CreateTempSubdirectory("gctrace-push-").FullName, "summary.json");

        var run = CliProcess.Run($"'{log}' --pushgateway {gateway.Url} --job ci-gc --label service=batch --label branch=feature/x --push-required --json '{json}'");
        var pushed = Now();
        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().NotContain("push failed");

        prometheus.WaitForSamples("gctrace_gc_cycles_total{job=\"ci-gc\",service=\"batch\"}", 1, pushed, Bounded);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var s = doc.RootElement;
        prometheus.Scalar("gctrace_gc_cycles_total{job=\"ci-gc\",service=\"batch\",branch=\"feature/x\"}")
            .Should().Be(s.GetProperty("gc").GetProperty("cycles").GetInt64());
        prometheus.Scalar("gctrace_stw_pause_seconds_count{job=\"ci-gc\",service=\"batch\"}")
            .Should().Be(s.GetProperty("stw_ms").GetProperty("count").GetInt64());
        var kind = s.GetProperty("verdict").GetProperty("kind").GetString();
        prometheus.Vector("gctrace_verdict{job=\"ci-gc\",service=\"batch\"} == 1").Should().ContainSingle()
            .Which.Labels["kind"].Should().Be(kind);
        // The final push carries the end-of-run values, which a batch run has no scrape for otherwise.
        prometheus.Scalar("gctrace_heap_live_bytes{job=\"ci-gc\",service=\"batch\"}")
            .Should().Be(s.GetProperty("heap").GetProperty("live_mb_last").GetInt64() * 1048576.0);
        prometheus.Scalar("gctrace_input_lines_total{job=\"ci-gc\",service=\"batch\",kind=\"gc\"}")
            .Should().Be(s.GetProperty("input").GetProperty("gc_lines").GetInt64());
    }

    [Fact]
    public void ThreePipes_ScrapedTogether_OneSeriesPerServiceInSumByAndHistogramQuantile()
    {
        string[] services = ["api", "worker", "cache"];
        string[] runs = ["steady", "leak_map", "pressure"]; // recorded runs without split gc lines, so the regex below is an oracle
        var logs = runs.Select(r => Path.Combine(RepoPaths.Fixtures, "runs", r, "combined.log")).ToArray();
        var pipes = services.Select(svc => new LivePipe($"--label service={svc} --no-passthrough")).ToList();
        try
        {
            using var prometheus = new PrometheusServer([("gctrace", pipes.Select(p => p.Target).ToArray(), false)]);
            for (var i = 0; i < pipes.Count; i++) pipes[i].Feed(logs[i]);
            prometheus.WaitForSamples("gctrace_gc_cycles_total", 2, Now() + 0.5, Bounded);

            var cycles = prometheus.Vector("sum by (service) (gctrace_gc_cycles_total)");
            cycles.Select(c => c.Labels["service"]).Should().BeEquivalentTo(services);
            for (var i = 0; i < services.Length; i++)
            {
                // Oracle: the whole gc lines of the recorded log.
                var gcLines = File.ReadLines(logs[i]).Count(l => Regex.IsMatch(l, @"^gc \d+ @"));
                cycles.Single(c => c.Labels["service"] == services[i]).Value.Should().Be(gcLines, logs[i]);
            }

            var p99 = prometheus.Vector("histogram_quantile(0.99, sum by (service, le) (gctrace_stw_pause_seconds_bucket))");
            p99.Select(c => c.Labels["service"]).Should().BeEquivalentTo(services);
            p99.Should().AllSatisfy(v => v.Value.Should().BeInRange(GcMetrics.StwBucketsS[0] / 10, 1, "a real pause"));
            prometheus.Vector("histogram_quantile(0.99, sum by (le) (gctrace_stw_pause_seconds_bucket))").Should().ContainSingle("the fleet p99 is one series");
        }
        finally
        {
            foreach (var p in pipes) p.Dispose();
        }
    }

    [Fact]
    public void RulesFile_PassesPromtoolCheckAndItsUnitTests()
    {
        var check = CliProcess.Shell($"cd '{Path.GetDirectoryName(RulesFile)}' && promtool check rules gctrace.rules.yml");
        check.ExitCode.Should().Be(0, check.Stdout + check.Stderr);
        check.Stdout.Should().Contain("SUCCESS: 8 rules found");
        var test = CliProcess.Shell($"cd '{Path.GetDirectoryName(RulesFile)}' && promtool test rules gctrace.rules.test.yml");
        test.ExitCode.Should().Be(0, test.Stdout + test.Stderr);
        test.Stdout.Should().Contain("SUCCESS");
    }

    // Every target expression and variable query of the dashboard, with Grafana's variables replaced as Grafana would.
    private static List<string> DashboardQueries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        var exprs = new List<string>();
        foreach (var panel in doc.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (!panel.TryGetProperty("targets", out var targets)) continue;
            exprs.AddRange(targets.EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));
        }
        exprs.Should().HaveCountGreaterThan(10);
        foreach (var v in doc.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            // label_values(METRIC, LABEL) is Grafana's, not PromQL: its METRIC part must be a valid selector.
            if (v.GetProperty("type").GetString() == "query")
                exprs.Add(Regex.Match(v.GetProperty("definition").GetString()!, @"label_values\(([^,]+),").Groups[1].Value);
        }
        return exprs.Select(e => e.Replace("$__rate_interval", "1m", StringComparison.Ordinal)
            .Replace("$service", ".*", StringComparison.Ordinal)).ToList();
    }
}
