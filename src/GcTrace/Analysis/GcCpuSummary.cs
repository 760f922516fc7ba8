// The `gc_cpu` block of the summary.
namespace GcTrace.Analysis;

/// <summary>
/// Fractions of the available cpu (wall time x P) spent on GC, from the printed cpu parts. They are null when the
/// trace covers no time. <see cref="RuntimeCpuPctLast"/> is the runtime's own U% of the last cycle, which is
/// cumulative since program start and excludes idle marking (gctrace-format.md §1.5), so it is kept apart.
/// <see cref="Fraction"/> counts every part of the cpu triple, idle included; <see cref="CostFraction"/> is what the GC
/// took from the program (assist + background + both STW phases): idle mark workers only run on Ps the program left
/// idle, so that time was free.
/// </summary>
public sealed record GcCpuSummary(
    double? Fraction,
    double? AssistFraction,
    double? BackgroundFraction,
    double? IdleFraction,
    double? StwFraction,
    decimal GcCpuMs,
    decimal AvailableCpuMs,
    int? RuntimeCpuPctLast,
    IReadOnlyList<GcCpuWindow> Windows)
{
    /// <summary>GC cost over available cpu: assist + background + STW, without idle marking.</summary>
    public double? CostFraction { get; init; }
}
