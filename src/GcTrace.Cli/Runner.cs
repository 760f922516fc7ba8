// Runs one invocation: builds sinks from the options, runs the pipeline, writes the outputs and decides the exit code.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Output;
using GcTrace.Output.Charts;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

internal static class Runner
{
    public const int Ok = 0, ConditionFailed = 1, Usage = 2;

    // Total size of the input files, for a progress percentage; 0 (unknown) when reading a pipe.
    private static long KnownSize(IReadOnlyList<string> inputs) =>
        inputs.Any(i => i == InputOpener.StandardInput) ? 0 : inputs.Sum(i => File.Exists(i) ? new FileInfo(i).Length : 0);

    public static async Task<int> RunAsync(CliOptions options, CancellationToken token)
    {
        var profiles = ProfileInputs.Load(options);
        var analyzer = new TraceAnalyzer(new Diagnoser(profiles)) { Filter = options.Filter };
        var analysis = new AnalysisSink(analyzer);
        var outputs = new OutputFiles();
        try
        {
            var sinks = new List<IEventSink> { analysis };
            if (options.EventsPath is { } ev) sinks.Add(new FilteredSink(new EventsJsonWriter(outputs.Open(ev, "--events")), options.Filter));
            if (options.CsvPath is { } csv) sinks.Add(new FilteredSink(new CsvSink(outputs.Open(csv, "--csv")), options.Filter));
            var charts = options.PngDir is null ? null : new ChartSink(options.Charts);
            if (charts is not null) sinks.Add(new FilteredSink(charts, options.Filter));

            // Passthrough only when reading a pipe (stdin); reading files, the user has the app's output already.
            var passthrough = options.Passthrough && options.ReadsStandardInput ? outputs.Stdout : null;
            var live = options.Status == StatusMode.Always || (options.Status == StatusMode.Auto && !Console.IsErrorRedirected);
            var status = new StatusReporter(analysis, live, options.Interval, KnownSize(options.Inputs));
            var pipeline = new TracePipeline(options.Inputs, passthrough, sinks, analyzer.Input) { Progress = status };
            using var stopStatus = new CancellationTokenSource();
            var statusTask = status.RunAsync(stopStatus.Token);
            var scrapeTask = ProfileInputs.ScrapeAsync(options, profiles, stopStatus.Token);
            IReadOnlyList<SinkFailure> failures;
            ScrapeTally? scrapes;
            try
            {
                failures = await pipeline.RunAsync(token).ConfigureAwait(false);
            }
            finally
            {
                await stopStatus.CancelAsync().ConfigureAwait(false);
                await statusTask.ConfigureAwait(false);
                scrapes = await scrapeTask.ConfigureAwait(false);
            }

            var summary = analyzer.Summarize();
            if (options.JsonPath is { } json)
            {
                var stream = outputs.Open(json, "--json");
                JsonSummaryWriter.Write(summary, stream);
                stream.Flush();
            }
            if (charts is not null && options.PngDir is { } dir)
            {
                try
                {
                    var heaps = profiles.Heaps();
                    var sites = summary.Verdict.Suspects.Where(x => x.GrowthBytes > 0).Take(6).Select(x => x.Function);
                    var extra = heaps.Count < 2 ? ChartAnnotations.None : ChartAnnotations.None with
                    {
                        LeakSites = LeakSiteSeries.From(heaps, sites, charts.FirstS),
                    };
                    charts.Render(dir, summary, analyzer.Pauses, extra);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputException($"--png {dir}: {e.Message}", e);
                }
            }
            outputs.Close();
            TextReport.Write(summary, Console.Error);
            if (scrapes is not null) Console.Error.WriteLine($"gctrace-pipe: pprof: {scrapes.Succeeded} of {scrapes.Attempts} scrapes of {scrapes.Endpoint} succeeded");
            foreach (var f in failures) Console.Error.WriteLine($"gctrace-pipe: --{f.Sink}: {f.Error.Message}");
            if (failures.Count > 0) return Usage;
            var held = options.FailOn.Where(c => c.Holds(summary)).ToList();
            foreach (var c in held) Console.Error.WriteLine($"gctrace-pipe: --fail-on condition holds: {c.Text}");
            return held.Count > 0 ? ConditionFailed : Ok;
        }
        finally
        {
            outputs.Dispose();
        }
    }
}
