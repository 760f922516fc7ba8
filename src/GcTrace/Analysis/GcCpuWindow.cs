// One window of the GC cpu series in the summary.
namespace GcTrace.Analysis;

/// <param name="StartS">Start of the window in elapsed trace seconds (restarts laid end to end).</param>
/// <param name="WidthS">Width of the window in seconds.</param>
/// <param name="Cycles">Cycles that started in the window.</param>
/// <param name="Fraction">GC cpu over available cpu in the window; null when no time was covered.</param>
public sealed record GcCpuWindow(decimal StartS, decimal WidthS, long Cycles, double? Fraction)
{
    /// <summary>The mutator-assist share of the window's available cpu.</summary>
    public double? AssistFraction { get; init; }

    /// <summary>The background (dedicated + fractional) workers' share.</summary>
    public double? BackgroundFraction { get; init; }

    /// <summary>The idle-priority mark workers' share.</summary>
    public double? IdleFraction { get; init; }

    /// <summary>GC cost in the window: assist + background + STW, without idle marking.</summary>
    public double? CostFraction { get; init; }
}
