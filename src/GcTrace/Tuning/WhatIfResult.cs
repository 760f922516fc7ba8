// The what-if section of a run: what the steady part measured, each requested setting's prediction, and advice.
namespace GcTrace.Tuning;

/// <param name="Measured">The steady state the predictions stand on; null when the model does not apply.</param>
/// <param name="Limit">Why the model does not apply, or <see cref="ModelLimit.None"/>.</param>
/// <param name="Predictions">One per requested setting, in the order asked (empty when the model does not apply).</param>
/// <param name="Advice">Set when the caller asked for advice (a gc-pressure verdict) and the model applies.</param>
public sealed record WhatIfResult(
    SteadyState? Measured,
    ModelLimit Limit,
    IReadOnlyList<GcSetting> Settings,
    IReadOnlyList<WhatIfPrediction> Predictions,
    TuningAdvice? Advice)
{
    /// <summary>Fits the model to a segment's cycles and predicts each setting; advice only when a threshold is given.</summary>
    public static WhatIfResult Compute(IReadOnlyList<GcTrace.Events.GcCycle> segment, IReadOnlyList<GcSetting> settings, double? adviseAboveCost)
    {
        var (state, limit) = SteadyStateEstimator.Estimate(segment);
        if (state is null)
        {
            return new WhatIfResult(null, limit, settings, [], null);
        }

        var predictions = settings.Select(s => WhatIfModel.Predict(state, s)).ToArray();
        var advice = adviseAboveCost is { } threshold ? TuningAdvisor.Advise(state, threshold) : null;
        return new WhatIfResult(state, limit, settings, predictions, advice);
    }
}
