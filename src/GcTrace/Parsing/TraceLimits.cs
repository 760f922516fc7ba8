// How large a printed value may be and still be represented: beyond these, a line that has the shape of
// a trace line is counted as unrecognized and passed through, never parsed into values the analysis cannot hold.
namespace GcTrace.Parsing;

/// <summary>
/// Limits shared by the grammar of record and the span fast paths. Integers must fit their field's type (a cycle number or
/// MB value a long, a P count or percentage an int); the two decimal quantities have digit limits chosen from what the
/// runtime can print and what the analyzers' long arithmetic (<c>Analysis.Exact</c>, millionths) can sum.
/// </summary>
public static class TraceLimits
{
    /// <summary>
    /// Whole digits of <c>@S.SSSs</c>: the runtime prints uint64 nanoseconds since init, at most 18446744073.709 s (11
    /// digits); 12 keep the analyzers' microsecond sums across restarted segments far from long overflow.
    /// </summary>
    public const int MaxSecondsWholeDigits = 12;

    /// <summary>
    /// Whole digits of a ms value: below 10^12 ms (31 years) a cycle's five cpu values still sum in millionths within a long.
    /// A wrapped negative delta (fmtNSAsMS of a uint64 near 2^64, 18446744073709 ms) is not a duration and is not represented.
    /// </summary>
    public const int MaxMsWholeDigits = 12;
}
