// The metrics output of one run: its per-event sink, its listener while the pipe runs, its push when the run ends.
using GcTrace.Analysis;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// Built before the pipeline starts and finished after the final summary. <paramref name="input"/> reads the line
/// counters (kept by the parse stage) and <paramref name="summarize"/> makes a full summary safely mid-stream.
/// </summary>
public sealed class MetricsOutput(MetricsOptions options, Func<InputSummary> input, Func<TraceSummary> summarize) : IAsyncDisposable
{
    private MetricsListener? listener;

    public GcMetrics Metrics { get; } = new(options.Labels);

    public MetricsOptions Options => options;

    /// <summary>The per-event part, to add to the pipeline's sinks (behind the run's cycle filter, like the others).</summary>
    public IEventSink CreateSink() => new MetricsSink(Metrics);

    /// <summary>Starts serving when asked to; a busy port throws <see cref="IOException"/> before any input is read.</summary>
    public void Start()
    {
        var live = new LiveDiagnosis(Metrics, summarize);
        Metrics.BeforeCollect(() =>
        {
            Metrics.SetInput(input());
            live.Refresh();
        });
        if (options.Listen is { } address) listener = MetricsListener.Start(Metrics, address);
    }

    /// <summary>
    /// Sets the final values and pushes when asked to. Returns a one-line push failure, or null; whether it fails the
    /// run is <see cref="MetricsOptions.PushRequired"/>, the caller's decision.
    /// </summary>
    public async Task<string?> FinishAsync(TraceSummary summary, CancellationToken token)
    {
        Metrics.SetInput(summary.Input);
        Metrics.SetDiagnosis(summary);
        if (options.Pushgateway is not { } gateway) return null;
        var failure = await Pushgateway.PushAsync(Metrics, gateway, options.Job ?? "", options.Labels, token).ConfigureAwait(false);
        return failure is null ? null : $"--pushgateway {gateway}: push failed: {failure}";
    }

    public async ValueTask DisposeAsync()
    {
        if (listener is not null) await listener.DisposeAsync().ConfigureAwait(false);
    }
}
