// Library-choice probe (docs/monitoring/README.md): per-cycle update cost, then one scrape in text and OpenMetrics.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
var port = int.Parse(args.Length>0?args[0]:"19465");
var meter = new Meter("gctrace");
using var provider = Sdk.CreateMeterProviderBuilder()
  .AddMeter("gctrace")
  .ConfigureResource(r => r.AddAttributes(new Dictionary<string,object>{{"service","api"}}))
  .AddView("gctrace_stw_pause_seconds", new ExplicitBucketHistogramConfiguration{ Boundaries = Enumerable.Range(0,17).Select(i=>0.00001*Math.Pow(2,i)).ToArray()})
  .AddPrometheusHttpListener(o => { o.Host = "127.0.0.1"; o.Port = port; })
  .Build();
var cycles = meter.CreateCounter<long>("gctrace_gc_cycles_total");
var cpu = meter.CreateCounter<double>("gctrace_gc_cpu_seconds_total");
var hist = meter.CreateHistogram<double>("gctrace_stw_pause_seconds");
double liveV = 0;
meter.CreateObservableGauge("gctrace_heap_live_bytes", () => liveV);
var tag = new KeyValuePair<string,object?>("part","assist");
const int N = 10_000_000;
for (int w=0; w<2; w++){
var sw = Stopwatch.StartNew();
for (int i=0;i<N;i++){ cycles.Add(1); cpu.Add(0.001, tag); hist.Record(0.0001*(i%100)); liveV = i; }
Console.WriteLine($"otel: {sw.Elapsed.TotalNanoseconds/N:F1} ns per cycle (4 updates)");
}
var http = new HttpClient();
var text = await http.GetStringAsync($"http://127.0.0.1:{port}/metrics");
Console.WriteLine(text);
var req = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/metrics");
req.Headers.TryAddWithoutValidation("Accept","application/openmetrics-text; version=1.0.0");
var resp = await http.SendAsync(req);
Console.WriteLine(resp.Content.Headers.ContentType);
Console.WriteLine((await resp.Content.ReadAsStringAsync()).Split('\n').Last(l=>l.Length>0));
