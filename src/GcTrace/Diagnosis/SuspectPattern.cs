// The values of `verdict.suspects[].pattern`; ContractNames spells them as the output contract does.
namespace GcTrace.Diagnosis;

public enum SuspectPattern
{
    Unknown,
    GoroutineLeak,
    ClosureCapture,
    SyncPoolMisuse,
    UnboundedMap,
    TickerNotStopped,
    UnclosedResource,
}
