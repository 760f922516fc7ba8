// One window of the live heap's lower envelope in the summary.
namespace GcTrace.Analysis;

/// <param name="StartS">Start of the window in elapsed trace seconds (restarts laid end to end).</param>
/// <param name="WidthS">Width of the window in seconds.</param>
/// <param name="LiveMbMin">The lowest live heap of the cycles that started in the window.</param>
public sealed record EnvelopePoint(decimal StartS, decimal WidthS, long LiveMbMin);
