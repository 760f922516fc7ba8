// How many goroutines one site held in the first and last goroutine snapshot of a series.
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;
/// <param name="Site">The creation site when the format records it, else the goroutine's top user function, else its
/// entry function (root-most frame outside the runtime).</param>
/// <param name="WaitState">Where the goroutines wait ("chan receive", "IO wait", ...), see <see cref="WaitStateClassifier"/>.</param>
/// <param name="Stack">One representative stack, leaf first.</param>
public sealed record GoroutineGrowth(string Site, string WaitState, IReadOnlyList<StackFrame> Stack, long First, long Last)
{
    public long Growth => Last - First;

    /// <summary>How the count moved across the snapshots after warm-up; null when the series was compared end to end.</summary>
    public Trend? Trend { get; init; }

    /// <summary>Set by the diagnosis when it judged the trend: lasting growth (true) or not (false); null to judge by
    /// first and last only.</summary>
    public bool? Lasting { get; init; }
}
