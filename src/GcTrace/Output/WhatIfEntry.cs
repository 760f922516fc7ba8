// The `what_if` and `tuning_advice` blocks of the summary JSON, rounded to what the model can tell apart.
using GcTrace.Tuning;

namespace GcTrace.Output;
/// <summary>One requested setting: the prediction, or why there is none, beside what the trace measured.</summary>
internal sealed record WhatIfEntry(
    string Setting,
    double? GcPerS,
    double? GcCostFraction,
    double? GoalMb,
    double? PeakHeapMb,
    string? Basis,
    IReadOnlyList<string> Notes,
    WhatIfMeasured? Measured,
    string? NotApplicable)
{
    public static IReadOnlyList<WhatIfEntry> Of(WhatIfResult? result)
    {
        if (result is null)
        {
            return [];
        }

        var measured = WhatIfMeasured.Of(result.Measured);
        if (result.Measured is null)
        {
            var why = TuningAdvisor.Explain(result.Limit);
            return result.Settings.Select(s => new WhatIfEntry(s.Text, null, null, null, null, null, [], null, why)).ToArray();
        }

        return result.Predictions.Select(p => new WhatIfEntry(
            p.Setting.Text,
            Rate(p.GcPerS),
            Fraction(p.GcCostFraction),
            Mb(p.GoalMb),
            Mb(p.PeakHeapMb),
            p.Basis == PredictionBasis.Bound ? "bound" : "estimate",
            p.Notes,
            measured,
            null)).ToArray();
    }

    // GC rates and MB to three significant places at most, fractions to six decimals like gc_cpu: more is noise.
    internal static double Rate(double v) => Math.Round(v, 3);

    internal static double Fraction(double v) => Math.Round(v, 6);

    internal static double? Mb(double? v) => v is { } x ? Math.Round(x, 1) : null;
}

/// <summary>The steady state the predictions stand on, in the same units.</summary>
internal sealed record WhatIfMeasured(
    int Cycles,
    double Gogc,
    double LiveMb,
    double GcPerS,
    double GcCostFraction,
    double GoalMb,
    double PeakHeapMb,
    double AllocMbPerS)
{
    public static WhatIfMeasured? Of(SteadyState? s) => s is null ? null : new(
        s.Cycles,
        Math.Round(s.Gogc, 1),
        WhatIfEntry.Mb(s.LiveMb)!.Value,
        WhatIfEntry.Rate(s.GcPerS),
        WhatIfEntry.Fraction(s.CostFraction),
        WhatIfEntry.Mb(s.GoalMb)!.Value,
        WhatIfEntry.Mb(s.PeakHeapMb)!.Value,
        Math.Round(s.AllocMbPerS, 1));
}

/// <summary>The advice given with a gc-pressure verdict.</summary>
internal sealed record TuningAdviceEntry(
    string? Setting,
    string Text,
    double GcCostFractionFrom,
    double GcCostFractionTo,
    double PeakHeapMbFrom,
    double PeakHeapMbTo)
{
    public static TuningAdviceEntry? Of(WhatIfResult? result) => result?.Advice is not { } a ? null : new(
        a.Setting?.Text,
        a.Text,
        WhatIfEntry.Fraction(a.CostFraction),
        WhatIfEntry.Fraction(a.PredictedCostFraction),
        WhatIfEntry.Mb(a.PeakHeapMb)!.Value,
        WhatIfEntry.Mb(a.PredictedPeakHeapMb)!.Value);
}
