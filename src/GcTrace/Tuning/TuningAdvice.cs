// A setting that would bring GC cost under the gc-pressure threshold, and what it costs in heap.
namespace GcTrace.Tuning;

/// <param name="Setting">The smallest GOGC predicted to get under the threshold; null when none of the candidates does.</param>
/// <param name="Text">The advice as the report prints it.</param>
public sealed record TuningAdvice(
    GcSetting? Setting,
    double CostFraction,
    double PredictedCostFraction,
    double PeakHeapMb,
    double PredictedPeakHeapMb,
    string Text);
