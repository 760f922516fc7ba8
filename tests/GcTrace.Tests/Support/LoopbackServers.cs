// Real Prometheus and Pushgateway processes (Debian's, installed by scripts/setup.sh) for the monitoring tests: each on
// a free loopback port with a generated config and a temp storage dir, killed on dispose, every wait bounded.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace GcTrace.Tests.Support;

public static class FreePort
{
    /// <summary>A port nobody listens on right now (the OS picks it; another process could take it, rarely).</summary>
    public static int Next()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>A child process that is killed (with its children) on dispose; its output is kept for failure messages.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly System.Text.StringBuilder log = new();

    public ServerProcess(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        process = Process.Start(psi) ?? throw new InvalidOperationException($"{file} did not start: run scripts/setup.sh");
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    public string Log
    {
        get
        {
            lock (log) return log.ToString();
        }
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        process.Dispose();
    }
}

public static class Http
{
    public static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>Polls <paramref name="url"/> until it answers 2xx, at most <paramref name="within"/>.</summary>
    public static void WaitUntilUp(string url, TimeSpan within, Func<string> diagnostics)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            try
            {
                using var r = Client.GetAsync(url).GetAwaiter().GetResult();
                if (r.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            Thread.Sleep(100);
        }
        throw new TimeoutException($"{url} did not come up within {within}: {diagnostics()}");
    }
}

/// <summary>One Prometheus server scraping the given targets every second, optionally with rule files loaded.</summary>
public sealed class PrometheusServer : IDisposable
{
    private readonly ServerProcess process;
    private readonly string dir;

    /// <param name="jobs">Scrape jobs: name, targets (host:port), honor_labels (for a Pushgateway).</param>
    public PrometheusServer(IEnumerable<(string Job, string[] Targets, bool HonorLabels)> jobs, IEnumerable<string>? ruleFiles = null)
    {
        dir = Directory.CreateTempSubdirectory("gctrace-prom-").FullName;
        Port = FreePort.Next();
        var config = new System.Text.StringBuilder("""
            global:
              scrape_interval: 1s
              scrape_timeout: 900ms
              evaluation_interval: 1s
            """).AppendLine();
        var rules = ruleFiles?.ToList() ?? [];
        if (rules.Count > 0) config.AppendLine("rule_files:").AppendJoin("", rules.Select(r => $"  - '{r}'\n"));
        config.AppendLine("scrape_configs:");
        foreach (var (job, targets, honor) in jobs)
        {
            config.AppendLine($"  - job_name: '{job}'").AppendLine($"    honor_labels: {(honor ? "true" : "false")}")
                .AppendLine("    static_configs:").AppendLine($"      - targets: [{string.Join(", ", targets.Select(t => $"'{t}'"))}]");
        }
        File.WriteAllText(Path.Combine(dir, "prometheus.yml"), config.ToString());
        process = new ServerProcess("prometheus",
        [
            "--config.file=" + Path.Combine(dir, "prometheus.yml"),
            "--storage.tsdb.path=" + Path.Combine(dir, "data"),
            "--web.listen-address=127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture),
            "--log.level=warn",
        ], dir);
        Http.WaitUntilUp($"{Url}/-/ready", TimeSpan.FromSeconds(30), () => process.Log);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Log => process.Log;

    /// <summary>GET /api/v1/query; returns the "data" element, or throws with Prometheus's error.</summary>
    public JsonElement Query(string promql, double? at = null)
    {
        var url = $"{Url}/api/v1/query?query={Uri.EscapeDataString(promql)}" + (at is { } t ? "&time=" + t.ToString("R", CultureInfo.InvariantCulture) : "");
        using var response = Http.Client.GetAsync(url).GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.GetProperty("status").GetString() != "success") throw new InvalidOperationException($"{promql}: {body}");
        return doc.RootElement.GetProperty("data").Clone();
    }

    /// <summary>The instant vector of <paramref name="promql"/> as (labels, value) pairs.</summary>
    public List<(Dictionary<string, string> Labels, double Value)> Vector(string promql)
    {
        var data = Query(promql);
        return data.GetProperty("result").EnumerateArray().Select(s => (
            s.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            double.Parse(s.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>The one value of <paramref name="promql"/>; fails when it has none or several.</summary>
    public double Scalar(string promql)
    {
        var v = Vector(promql);
        v.Should().HaveCount(1, $"{promql} should give one series; Prometheus log: {Log}");
        return v[0].Value;
    }

    /// <summary>
    /// Waits (bounded) until the series of <paramref name="selector"/> has at least <paramref name="count"/> samples
    /// scraped after <paramref name="after"/> (Unix seconds): values from then on are at least that recent.
    /// </summary>
    public void WaitForSamples(string selector, int count, double after, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var seen = 0;
        while (clock.Elapsed < within)
        {
            var data = Query($"{selector}[60s]");
            seen = data.GetProperty("result").EnumerateArray()
                .Select(s => s.GetProperty("values").EnumerateArray().Count(v => v[0].GetDouble() > after))
                .DefaultIfEmpty(0).Min();
            if (data.GetProperty("result").GetArrayLength() > 0 && seen >= count) return;
            Thread.Sleep(250);
        }
        throw new TimeoutException($"{selector}: {seen} samples after {after} within {within}; Prometheus log: {Log}");
    }

    public void Dispose()
    {
        process.Dispose();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A Pushgateway on a free loopback port, in memory only (no persistence file).</summary>
public sealed class PushgatewayServer : IDisposable
{
    private readonly ServerProcess process;

    public PushgatewayServer()
    {
        Port = FreePort.Next();
        process = new ServerProcess("prometheus-pushgateway", ["--web.listen-address=127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture), "--log.level=warn"]);
        Http.WaitUntilUp($"{Url}/-/ready", TimeSpan.FromSeconds(20), () => process.Log);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Target => $"127.0.0.1:{Port}";

    public void Dispose() => process.Dispose();
}
