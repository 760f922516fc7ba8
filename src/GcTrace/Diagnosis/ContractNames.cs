// The output contract's spelling of the diagnosis enums (docs/output-contract.md): one table for JSON, text and --fail-on.
using GcTrace.Events;

namespace GcTrace.Diagnosis;

public static class ContractNames
{
    public static string Of(VerdictKind kind) => kind switch
    {
        VerdictKind.Leak => "leak",
        VerdictKind.GcPressure => "gc-pressure",
        VerdictKind.Healthy => "healthy",
        _ => "inconclusive",
    };

    public static string Of(Confidence confidence) => confidence switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        _ => "low",
    };

    public static string Of(SuspectPattern pattern) => pattern switch
    {
        SuspectPattern.GoroutineLeak => "goroutine-leak",
        SuspectPattern.ClosureCapture => "closure-capture",
        SuspectPattern.SyncPoolMisuse => "sync-pool-misuse",
        SuspectPattern.UnboundedMap => "unbounded-map",
        SuspectPattern.TickerNotStopped => "ticker-not-stopped",
        SuspectPattern.UnclosedResource => "unclosed-resource",
        SuspectPattern.UnboundedSlice => "unbounded-slice",
        SuspectPattern.TimerNotStopped => "timer-not-stopped",
        SuspectPattern.ContextNotCancelled => "context-not-cancelled",
        SuspectPattern.SubslicePinsBuffer => "subslice-pins-buffer",
        _ => "unknown",
    };

    /// <summary>The kind spelled <paramref name="name"/> in the contract, or null.</summary>
    public static VerdictKind? ParseKind(string name) =>
        Enum.GetValues<VerdictKind>().Where(k => Of(k) == name).Select(k => (VerdictKind?)k).FirstOrDefault();
}
