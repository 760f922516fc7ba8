// One predicted setting: the GC rate, cost, goal and peak heap the model expects under it.
namespace GcTrace.Tuning;

/// <param name="Setting">The setting predicted for.</param>
/// <param name="GcPerS">Cycles per second.</param>
/// <param name="GcCostFraction">GC cpu without idle workers (assist + background + STW) over available cpu.</param>
/// <param name="GoalMb">The heap goal; null when nothing bounds it (GOGC=off without a limit).</param>
/// <param name="PeakHeapMb">Heap at GC start; null when nothing bounds it.</param>
/// <param name="Basis">Whether the figures are an estimate or bounds.</param>
/// <param name="Notes">What the prediction assumes or where it stops holding, in plain words.</param>
public sealed record WhatIfPrediction(
    GcSetting Setting,
    double GcPerS,
    double GcCostFraction,
    double? GoalMb,
    double? PeakHeapMb,
    PredictionBasis Basis,
    IReadOnlyList<string> Notes);
