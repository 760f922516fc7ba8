// The per-cycle values ChartSeries keeps a downsampled envelope of.
namespace GcTrace.Output.Charts;

public enum ChartMetric
{
    /// <summary>All stop-the-world clock phases of every cycle, ms.</summary>
    StwMs,
    /// <summary>The same, only for cycles marked <c>(forced)</c>, so they can be drawn differently.</summary>
    ForcedStwMs,
    HeapStartMb,
    HeapEndMb,
    HeapLiveMb,
    HeapGoalMb,
    /// <summary>The gc N of the cycles, so that analysis results given as cycle ranges can be placed on the time axis.</summary>
    CycleNumber,
}
