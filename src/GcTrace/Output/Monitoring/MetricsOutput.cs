// The metrics output of one run: a per-event sink, a listener beside the pipeline while input streams, a push at the end.
using GcTrace.Analysis;
using GcTrace.Diagnosis;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// Three parts, one set of series: <see cref="EventSink"/> moves the per-cycle series as batches arrive,
/// <see cref="ServeAsync"/> serves /metrics while input streams (and re-diagnoses before scrapes, throttled), and
/// <see cref="RunSink"/> sets the final values and pushes them when asked to. <paramref name="warn"/> gets one-line
/// warnings (a failed optional push, an address that could not be bound) as they happen.
/// </summary>
public sealed class MetricsOutput(MetricsOptions options, Action<string> warn)
{
    public GcMetrics Metrics { get; } = new(options.Labels);

    private volatile bool ended;

    public MetricsOptions Options => options;

    /// <summary>The --metrics-listen failure, if the address could not be bound: the run goes on, and fails at its end.</summary>
    public string? ListenFailure { get; private set; }

    /// <summary>The per-event part, for <c>TraceRun.EventSinks</c>.</summary>
    public IEventSink EventSink => field ??= new MetricsSink(Metrics);

    /// <summary>The end-of-run part, for <c>TraceRun.RunSinks</c>: final values, then the push.</summary>
    public IRunSink RunSink => field ??= new MetricsPushSink(this);

    /// <summary>
    /// Runs beside the pipeline until <paramref name="stop"/> (input has ended): serves /metrics when asked to, with the
    /// line counts and a throttled re-diagnosis copied in before each scrape.
    /// </summary>
    /// <param name="input">Line counts so far (the parse stage keeps them).</param>
    /// <param name="diagnose">A full summary and verdict, made safely mid-stream.</param>
    public async Task ServeAsync(Func<InputSummary> input, Func<TraceDiagnosis> diagnose, CancellationToken stop)
    {
        var live = new LiveDiagnosis(Metrics, diagnose);
        Metrics.BeforeCollect(() =>
        {
            // Once the run has ended its final values are set; a push must not re-diagnose over them.
            if (ended) return;
            Metrics.SetInput(input());
            live.Refresh();
        });
        if (options.Listen is not { } address) return;
        MetricsListener listener;
        try
        {
            listener = MetricsListener.Start(Metrics, address);
        }
        catch (IOException e)
        {
            // Exiting would cut the traced program's pipe (SIGPIPE): say it now, keep passing lines through, fail at the end.
            ListenFailure = e.Message;
            warn($"{e.Message}; going on without serving metrics");
            return;
        }
        await using (listener.ConfigureAwait(false))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Warn(string line) => warn(line);

    /// <summary>Sets the final values and pushes when asked to; a failed push is a warning, or an output failure when required.</summary>
    private sealed class MetricsPushSink(MetricsOutput output) : IRunSink
    {
        public string Name => "pushgateway";

        public void Write(RunEnd end)
        {
            var metrics = output.Metrics;
            output.ended = true;
            metrics.SetInput(end.Diagnosis.Summary.Input);
            metrics.SetDiagnosis(end.Diagnosis);
            var options = output.Options;
            if (options.Pushgateway is not { } gateway) return;
            var failure = Pushgateway.PushAsync(metrics, gateway, options.Job ?? "", options.Labels, CancellationToken.None).GetAwaiter().GetResult();
            if (failure is null) return;
            var message = $"{gateway}: push failed: {failure}";
            if (options.PushRequired) throw new OutputException(message, new IOException(failure));
            output.Warn($"warning: --pushgateway {message}");
        }
    }
}
