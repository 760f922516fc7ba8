// What the metrics output was asked to do: serve, push, or both, with which constant labels.
namespace GcTrace.Output.Monitoring;

/// <param name="Listen">--metrics-listen: serve /metrics here while the pipe runs.</param>
/// <param name="Labels">--label: constant labels on every series (and in the Pushgateway grouping key).</param>
/// <param name="Pushgateway">--pushgateway: push the final metrics here when the run ends.</param>
/// <param name="Job">--job: the Pushgateway job name.</param>
/// <param name="PushRequired">--push-required: a failed push fails the run instead of printing a warning.</param>
public sealed record MetricsOptions(
    ListenAddress? Listen,
    IReadOnlyDictionary<string, string> Labels,
    Uri? Pushgateway,
    string? Job,
    bool PushRequired)
{
    public bool Enabled => Listen is not null || Pushgateway is not null;
}
