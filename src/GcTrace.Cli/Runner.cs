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

    public static async Task<int> RunAsync(CliOptions options, CancellationToken token)
    {
        var analyzer = new TraceAnalyzer(new TraceOnlyVerdict());
        var analysis = new AnalysisSink(analyzer);
        var outputs = new OutputFiles();
        try
        {
            var sinks = new List<IEventSink> { analysis };
            if (options.EventsPath is { } ev) sinks.Add(new EventsJsonWriter(outputs.Open(ev, "--events")));
            if (options.CsvPath is { } csv) sinks.Add(new CsvSink(outputs.Open(csv, "--csv")));
            var charts = options.PngDir is null ? null : new ChartSink(options.Charts);
            if (charts is not null) sinks.Add(charts);

            // Passthrough only when reading a pipe (stdin); reading files, the user has the app's output already.
            var passthrough = options.Passthrough && options.ReadsStandardInput ? outputs.Stdout : null;
            var pipeline = new TracePipeline(options.Inputs, passthrough, sinks, analyzer.Input);
            var failures = await pipeline.RunAsync(token).ConfigureAwait(false);

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
                    charts.Render(dir, summary, analyzer.Pauses);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputException($"--png {dir}: {e.Message}", e);
                }
            }
            outputs.Close();
            TextReport.Write(summary, Console.Error);
            foreach (var f in failures) Console.Error.WriteLine($"gctrace-pipe: {f.Sink}: {f.Error.Message}");
            return failures.Count > 0 ? Usage : Ok;
        }
        finally
        {
            outputs.Dispose();
        }
    }
}
