// Turns the what-if model into advice: the smallest GOGC that brings GC cost under the gc-pressure threshold.
using System.Globalization;

namespace GcTrace.Tuning;

public static class TuningAdvisor
{
    /// <summary>GOGC values people set, from just above the default to where the heap cost dwarfs the gain.</summary>
    public static readonly IReadOnlyList<int> CandidateGogc = [125, 150, 200, 300, 400, 600, 800];

    /// <summary>Advice for a steady state whose GC costs more than <paramref name="costThreshold"/>; null when it does not.</summary>
    public static TuningAdvice? Advise(SteadyState state, double costThreshold)
    {
        if (state.CostFraction < costThreshold)
        {
            return null;
        }

        WhatIfPrediction? best = null;
        foreach (var gogc in CandidateGogc.Where(g => g > state.Gogc))
        {
            best = WhatIfModel.Predict(state, new GcSetting(gogc, false, null, $"GOGC={gogc}"));
            if (best.GcCostFraction < costThreshold)
            {
                var extra = best.PeakHeapMb!.Value - state.PeakHeapMb;
                var text = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{best.Setting.Text} would cut GC cost from {Percent(state.CostFraction)} to about {Percent(best.GcCostFraction)} for about +{extra:0} MB of peak heap ({state.PeakHeapMb:0} -> {best.PeakHeapMb:0} MB)");
                return new TuningAdvice(best.Setting, state.CostFraction, best.GcCostFraction, state.PeakHeapMb, best.PeakHeapMb.Value, text);
            }
        }

        if (best is null)
        {
            return null;
        }

        var none = string.Create(
            CultureInfo.InvariantCulture,
            $"even {best.Setting.Text} would leave GC cost at about {Percent(best.GcCostFraction)}: the allocation rate ({state.AllocMbPerS:0.#} MB/s), not the setting, is what to cut; see the allocation sites");
        return new TuningAdvice(null, state.CostFraction, best.GcCostFraction, state.PeakHeapMb, best.PeakHeapMb ?? state.PeakHeapMb, none);
    }

    /// <summary>Why the model gives no prediction, in the report's words.</summary>
    public static string Explain(ModelLimit limit) => limit switch
    {
        ModelLimit.TooFewCycles => string.Create(CultureInfo.InvariantCulture,
            $"the what-if model needs at least {SteadyStateEstimator.MinSteadyCycles} cycles after warm-up in the last process segment"),
        ModelLimit.HeapNotSteady => "the live heap is not steady (it grows, shrinks or swings), so a steady-state model does not apply",
        ModelLimit.MemoryLimitDrives => "a memory limit sets the heap goal and the trace does not show the memory it counts, so other settings cannot be predicted from it",
        _ => "",
    };

    private static string Percent(double fraction) =>
        (fraction * 100).ToString(fraction < 0.1 ? "0.#" : "0", CultureInfo.InvariantCulture) + " %";
}
