// Binds the validated options to a TraceRun, runs it and prints what the report and the gates say.
using GcTrace.Output;
using GcTrace.Diagnosis;
using GcTrace.Output.Charts;
using GcTrace.Output.Monitoring;
using GcTrace.Pipeline;
using GcTrace.Profiles;

namespace GcTrace.Cli;

internal static class Runner
{
    // Total size of the input files, for a progress percentage; 0 (unknown) when reading a pipe.
    private static long KnownSize(IReadOnlyList<string> inputs) =>
        inputs.Any(i => i == InputOpener.StandardInput) ? 0 : inputs.Sum(i => File.Exists(i) ? new FileInfo(i).Length : 0);

    public static async Task<int> RunAsync(CliOptions options, CancellationToken token)
    {
        var profiles = ProfileFiles.Load(options.HeapProfiles, options.GoroutineProfiles);
        var files = new OutputFiles();
        var eventSinks = new List<IEventSink>();
        var runSinks = new List<IRunSink>();
        if (options.EventsPath is { } ev) eventSinks.Add(new EventsJsonWriter(files.Open(ev, "--events")));
        if (options.CsvPath is { } csv) eventSinks.Add(new CsvSink(files.Open(csv, "--csv")));
        if (options.JsonPath is { } json) runSinks.Add(new JsonSummarySink(files.Open(json, "--json")));
        if (options.PngDir is { } dir)
        {
            var charts = new ChartSink(options.Charts, files.Directory(dir, "--png"));
            eventSinks.Add(charts);
            runSinks.Add(charts);
        }

        var metrics = options.Metrics.Enabled ? new MetricsOutput(options.Metrics, line => Console.Error.WriteLine($"gctrace-pipe: {line}")) : null;
        if (metrics is not null)
        {
            eventSinks.Add(metrics.EventSink);
            runSinks.Add(metrics.RunSink);
        }
        // One rule for the final verdict and for the live one the metrics re-decide before scrapes.
        var rule = new Diagnoser(profiles);

        // Passthrough only when reading a pipe (stdin); reading files, the user has the app's output already.
        var passthrough = options.Passthrough && options.ReadsStandardInput ? files.Stdout : null;
        var live = options.Status == StatusMode.Always || (options.Status == StatusMode.Auto && !Console.IsErrorRedirected);
        var status = new StatusReporter(live, options.Interval, KnownSize(options.Inputs));
        var run = new TraceRun
        {
            Inputs = options.Inputs,
            Passthrough = passthrough,
            Filter = options.Filter,
            WhatIf = options.WhatIf,
            Profiles = profiles,
            Rule = rule,
            EventSinks = eventSinks,
            RunSinks = runSinks,
            Files = files,
            Progress = status,
            Beside = [status.RunAsync, (_, stop) => Scrape(options, profiles, stop), (analysis, stop) => ServeMetrics(metrics, analysis, rule, stop)],
        };
        var result = await run.RunAsync(token).ConfigureAwait(false);

        TextReport.Write(result.Diagnosis, Console.Error);
        foreach (var f in result.Failures) Console.Error.WriteLine($"gctrace-pipe: --{f.Sink}: {f.Error.Message}");
        var held = options.FailOn.Where(c => c.Holds(result.Diagnosis)).ToList();
        foreach (var c in held) Console.Error.WriteLine($"gctrace-pipe: --fail-on condition holds: {c.Text}");
        // A metrics address that could not be bound was told when it happened; repeated last, it fails the run like an output.
        if (metrics?.ListenFailure is { } listen) Console.Error.WriteLine($"gctrace-pipe: {listen}");
        return metrics?.ListenFailure is not null ? ExitCodes.OutputFailed : ExitCodes.Of(result, held.Count > 0);
    }

    // --metrics-listen: serves while input streams; the line counts and a throttled verdict come from the analysis.
    private static Task ServeMetrics(MetricsOutput? metrics, AnalysisSink analysis, IVerdictRule rule, CancellationToken stop) =>
        metrics?.Options.Listen is null
            ? Task.CompletedTask
            : metrics.ServeAsync(analysis.Analyzer.Input.Summarize, () => analysis.Diagnose(rule), stop);

    // --pprof: failures are warnings on stderr; the trace keeps streaming whatever the endpoint does.
    private static async Task Scrape(CliOptions options, ProfileStore series, CancellationToken token)
    {
        if (options.PprofUrl is not { } url) return;
        using var http = new HttpClient();
        var scraper = new PprofScraper(http, url, series, warning => Console.Error.WriteLine($"gctrace-pipe: warning: {warning}"))
        {
            Interval = options.PprofInterval,
        };
        await scraper.RunAsync(token).ConfigureAwait(false);
    }
}
