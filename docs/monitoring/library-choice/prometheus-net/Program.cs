// Library-choice probe (docs/monitoring/README.md): per-cycle update cost, then one scrape in text and OpenMetrics.
using System.Diagnostics;
using Prometheus;
var reg = Metrics.NewCustomRegistry();
reg.SetStaticLabels(new Dictionary<string,string>{{"service","api"}});
var f = Metrics.WithCustomRegistry(reg);
var cycles = f.CreateCounter("gctrace_gc_cycles_total", "cycles");
var cpu = f.CreateCounter("gctrace_gc_cpu_seconds_total", "cpu", "part");
var assist = cpu.WithLabels("assist");
var hist = f.CreateHistogram("gctrace_stw_pause_seconds", "stw", new HistogramConfiguration{ Buckets = Histogram.ExponentialBuckets(0.00001, 2, 17)});
var live = f.CreateGauge("gctrace_heap_live_bytes", "live");
const int N = 10_000_000;
for (int w=0; w<2; w++){
var sw = Stopwatch.StartNew();
for (int i=0;i<N;i++){ cycles.Inc(); assist.Inc(0.001); hist.Observe(0.0001*(i%100)); live.Set(i); }
Console.WriteLine($"prometheus-net: {sw.Elapsed.TotalNanoseconds/N:F1} ns per cycle (4 updates)");
}
var port = int.Parse(args.Length>0?args[0]:"19464");
using var server = new MetricServer("127.0.0.1", port, "metrics/", reg);
server.Start();
var http = new HttpClient();
var text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
Console.WriteLine(text);
var req = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics");
req.Headers.TryAddWithoutValidation("Accept","application/openmetrics-text; version=1.0.0");
var resp = await http.SendAsync(req);
Console.WriteLine(resp.Content.Headers.ContentType);
Console.WriteLine((await resp.Content.ReadAsStringAsync()).Split('\n').Last(l=>l.Length>0));
using var ms = new MemoryStream(); await reg.CollectAndExportAsTextAsync(ms); Console.WriteLine($"export bytes {ms.Length}");
await server.StopAsync();
