// Binds the validated options to a TraceRun, runs it and prints what the report and the gates say.
using GcTrace.Diagnosis;
using GcTrace.Output;
using GcTrace.Output.Charts;
using GcTrace.Output.Html;
using GcTrace.Output.Monitoring;
using GcTrace.Pipeline;
using GcTrace.Profiles;

namespace GcTrace.Cli;

internal static class Runner
{
    // Total size of the input files, for a progress percentage; 0 (unknown) when reading a pipe.
    private static long KnownSize(IReadOnlyList<string> inputs) =>
        inputs.Any(i => i == InputOpener.StandardInput) ? 0 : inputs.Sum(i => File.Exists(i) ? new FileInfo(i).Length : 0);

    // The status must fit one row; 0 when the width is unknown (not a terminal).
    private static int TerminalWidth()
    {
        try
        {
            return Console.IsErrorRedirected ? 0 : Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            return 0;
        }
    }

    public static async Task<int> RunAsync(CliOptions options, CancellationToken token)
    {
        var profiles = ProfileFiles.Load(options.HeapProfiles, options.GoroutineProfiles);
        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in ProfileTimeCheck.Warnings(AllOf(profiles))) Warn(w, warned);

        // An output that cannot be opened is reported now and left out; the run, and the application's lines, go on.
        var outputs = new FailedOutputs();
        var files = new OutputFiles();
        var eventSinks = new List<IEventSink>();
        var runSinks = new List<IRunSink>();
        if (outputs.Open(files, options.EventsPath, "--events") is { } ev) eventSinks.Add(new EventsJsonWriter(ev));
        if (outputs.Open(files, options.CsvPath, "--csv") is { } csv) eventSinks.Add(new CsvSink(csv));
        if (outputs.Open(files, options.JsonPath, "--json") is { } json) runSinks.Add(new JsonSummarySink(json));
        // --source DIRs, or the profiles' recorded paths as they are: the diagnosis reads the code, the HTML lists it.
        // A DIR that is not there is a typo the run survives (the profiles still place every suspect), but say so.
        foreach (var dir in options.SourceDirs.Where(d => !Directory.Exists(d)))
            Warn($"--source {dir}: {(File.Exists(dir) ? "is a file, not a directory" : "no such directory")}; no code is read from it", warned);
        var sources = new GcTrace.Source.SourceLocator(options.SourceDirs);
        var png = outputs.OpenDirectory(files, options.PngDir, "--png");
        var html = outputs.Open(files, options.HtmlPath, "--html");
        if (png is not null || html is not null)
        {
            // One series feeds both the PNG files and the HTML report's inline SVG charts.
            var charts = new ChartSink(options.Charts, png) { GcPressureThreshold = DiagnosisOptions.Default.PressureCostFraction };
            eventSinks.Add(charts);
            runSinks.Add(charts);
            if (html is not null) runSinks.Add(new HtmlReportSink(html, charts, options.CommandLine, sources));
        }

        var metrics = options.Metrics.Enabled ? new MetricsOutput(options.Metrics, line => Console.Error.WriteLine($"gctrace-pipe: {line}")) : null;
        if (metrics is not null)
        {
            eventSinks.Add(metrics.EventSink);
            runSinks.Add(metrics.RunSink);
        }
        // One rule for the final verdict and for the live one the metrics re-decide before scrapes.
        var rule = new Diagnoser(profiles, sources: sources);

        // Passthrough only when reading a pipe (stdin); reading files, the user has the app's output already.
        var passthrough = options.Passthrough && options.ReadsStandardInput ? files.Stdout : null;
        var live = options.Status == StatusMode.Always || (options.Status == StatusMode.Auto && !Console.IsErrorRedirected);
        var terminal = live ? new StatusTerminal(Console.Error, TerminalWidth()) : null;
        // Pass-through shares the screen with the status when stdout is a terminal too (or --status always: both may
        // be one file or pty we cannot see); then every application write erases the status first.
        if (terminal is not null && passthrough is not null && (options.Status == StatusMode.Always || !Console.IsOutputRedirected))
            passthrough = terminal.Share(passthrough);
        var status = new StatusReporter(terminal, options.Interval, KnownSize(options.Inputs), stamped: Console.IsErrorRedirected);
        var started = DateTimeOffset.UtcNow;
        var run = new TraceRun
        {
            Inputs = options.Inputs,
            Passthrough = passthrough,
            Filter = options.Filter,
            WhatIf = options.WhatIf,
            Profiles = profiles,
            Sources = sources,
            Rule = rule,
            EventSinks = eventSinks,
            RunSinks = runSinks,
            Files = files,
            Progress = status,
            Beside = [status.RunAsync, (_, stop) => Scrape(options, profiles, stop), (analysis, stop) => ServeMetrics(metrics, analysis, rule, stop)],
            OnOutputFailure = outputs.Report,
        };
        var result = await run.RunAsync(token).ConfigureAwait(false);

        TextReport.Write(result.Diagnosis, Console.Error);
        if (profiles.Scrapes is { } scrapes)
        {
            Console.Error.WriteLine($"gctrace-pipe: pprof: {scrapes.Succeeded} of {scrapes.Attempts} scrapes of {scrapes.Endpoint} succeeded");
            // The trace ran live from when we started (or earlier: the application's own clock says how long it had run).
            var uptime = TimeSpan.FromSeconds((double)(result.Diagnosis.Summary.Gc.Segments.LastOrDefault()?.EndS ?? 0));
            var ended = DateTimeOffset.UtcNow;
            var window = (Min(started, ended - uptime), ended);
            foreach (var w in ProfileTimeCheck.Warnings(AllOf(profiles), window)) Warn(w, warned);
        }
        foreach (var f in result.Failures) outputs.Report(f);
        outputs.Summarize();
        var held = options.FailOn.Where(c => c.Holds(result.Diagnosis)).ToList();
        // Every condition that holds, each with what was measured: a gate that only said "holds" sent people digging.
        foreach (var c in held) Console.Error.WriteLine($"gctrace-pipe: --fail-on {c.Text} holds: {c.Measured(result.Diagnosis)}");
        // A metrics address that could not be bound was told when it happened; repeated last, it fails the run like an output.
        if (metrics?.ListenFailure is { } listen) Console.Error.WriteLine($"gctrace-pipe: {listen}");
        // prom's contract: an address that could not be bound exits 2 (a setup error), not 3.
        // and a failed push with --push-required is one too (exit 2).
        var setupFailed = metrics?.ListenFailure is not null || result.Failures.Any(f => f.Sink == "pushgateway");
        return setupFailed ? ExitCodes.Usage : ExitCodes.Of(outputs.Any, held.Count > 0);
    }

    private static void Warn(string warning, HashSet<string> warned)
    {
        if (warned.Add(warning)) Console.Error.WriteLine($"gctrace-pipe: warning: {warning}");
    }

    private static List<Profile> AllOf(ProfileStore store)
    {
        var snapshot = store.Snapshot();
        return [.. snapshot.Heaps, .. snapshot.Goroutines];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

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
