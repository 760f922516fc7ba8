// One run of the program inside the trace: consecutive cycles with rising gc numbers and clock.
namespace GcTrace.Analysis;

/// <param name="FirstCycle">The first gc number of the segment.</param>
/// <param name="LastCycle">The last gc number of the segment.</param>
/// <param name="Cycles">Cycles seen in the segment.</param>
/// <param name="MissingCycles">gc numbers skipped inside the segment.</param>
/// <param name="StartS">@S of the first cycle.</param>
/// <param name="EndS">@S of the last cycle plus its clock time.</param>
/// <param name="SpanS">EndS − StartS.</param>
public sealed record SegmentSummary(
    long FirstCycle,
    long LastCycle,
    long Cycles,
    long MissingCycles,
    decimal StartS,
    decimal EndS,
    decimal SpanS);
