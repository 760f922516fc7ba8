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
        var profiles = ProfileInputs.Load(options);
        var analyzer = new TraceAnalyzer(new Diagnoser(profiles)) { Filter = options.Filter };
        var analysis = new AnalysisSink(analyzer);
        var outputs = new OutputFiles();
        try
        {
            var sinks = new List<IEventSink> { analysis };
            if (options.EventsPath is { } ev) sinks.Add(new FilteredSink(new EventsJsonWriter(outputs.Open(ev, "--events")), options.Filter));
            if (options.CsvPath is { } csv) sinks.Add(new FilteredSink(new CsvSink(outputs.Open(csv, "--csv")), options.Filter));
            var charts = options.PngDir is null && options.HtmlPath is null ? null : new ChartSink(options.Charts) { GcPressureThreshold = TraceOnlyVerdict.PressureCpuFraction };
            if (charts is not null) sinks.Add(new FilteredSink(charts, options.Filter));

            // Passthrough only when reading a pipe (stdin); reading files, the user has the app's output already.
            var passthrough = options.Passthrough && options.ReadsStandardInput ? outputs.Stdout : null;
            var live = options.Status == StatusMode.Always || (options.Status == StatusMode.Auto && !Console.IsErrorRedirected);
            var terminal = live ? new StatusTerminal(Console.Error, TerminalWidth()) : null;
            // Pass-through shares the screen with the status when stdout is a terminal too (or --status always:
            // both may be one file or pty we cannot see); then every application write erases the status first.
            if (terminal is not null && passthrough is not null && (options.Status == StatusMode.Always || !Console.IsOutputRedirected))
                passthrough = terminal.Share(passthrough);
            var status = new StatusReporter(analysis, terminal, options.Interval, KnownSize(options.Inputs), stamped: Console.IsErrorRedirected);
            var pipeline = new TracePipeline(options.Inputs, passthrough, sinks, analyzer.Input) { Progress = status };
            using var stopStatus = new CancellationTokenSource();
            var statusTask = status.RunAsync(stopStatus.Token);
            var scrapeTask = ProfileInputs.ScrapeAsync(options, profiles, stopStatus.Token);
            IReadOnlyList<SinkFailure> failures;
            try
            {
                failures = await pipeline.RunAsync(token).ConfigureAwait(false);
            }
            finally
            {
                await stopStatus.CancelAsync().ConfigureAwait(false);
                await statusTask.ConfigureAwait(false);
                await scrapeTask.ConfigureAwait(false);
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
            if (charts is not null && options.HtmlPath is { } html)
            {
                var heaps = profiles.Heaps();
                var sites = summary.Verdict.Suspects.Where(x => x.GrowthBytes > 0).Take(6).Select(x => x.Function);
                var extra = heaps.Count < 2 ? ChartAnnotations.None : ChartAnnotations.None with { LeakSites = LeakSiteSeries.From(heaps, sites, charts.FirstS) };
                var content = GcTrace.Output.Html.HtmlReportContentBuilder.Build(summary, summary.Verdict, heaps,
                    charts.RenderSvgs(summary, analyzer.Pauses, extra), options.CommandLine, DateTimeOffset.UtcNow);
                var stream = outputs.Open(html, "--html");
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
                    GcTrace.Output.Html.HtmlReportWriter.Write(content, writer);
                stream.Flush();
            }
            outputs.Close();
            TextReport.Write(summary, Console.Error);
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
