// The `gc_cpu` block of the summary.
namespace GcTrace.Analysis;

/// <summary>
/// Fractions of the available cpu (wall time x P) spent on GC, from the printed cpu parts. They are null when the
/// trace covers no time. <see cref="RuntimeCpuPctLast"/> is the runtime's own U% of the last cycle, which is
/// cumulative since program start and excludes idle marking (spec §1.5), so it is kept apart.
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
    IReadOnlyList<GcCpuWindow> Windows);
