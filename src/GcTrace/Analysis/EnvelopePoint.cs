// One window of the live heap's lower envelope in the summary.
namespace GcTrace.Analysis;

/// <param name="StartS">Start of the window in elapsed trace seconds (restarts laid end to end).</param>
/// <param name="WidthS">Width of the window in seconds.</param>
/// <param name="LiveMbMin">The lowest live heap of the cycles that started in the window.</param>
public sealed record EnvelopePoint(decimal StartS, decimal WidthS, long LiveMbMin)
{
    /// <summary>The lowest heap goal of the cycles that started in the window. The runtime sets each goal from the
    /// exact live heap of the cycle before (live x (1 + GOGC/100), plus stacks and globals), so while GOGC is fixed
    /// and no memory limit caps it, it follows the live heap (1 + GOGC/100) times more finely than whole MB.</summary>
    public long? GoalMbMin { get; init; }
}
