// The leak patterns: the values of `verdict.suspects[].pattern` (ContractNames spells them as the output contract does)
// and what the code reader (Source) recognises at a site; in Events, the bottom room, so Source and Diagnosis share one list.
namespace GcTrace.Events;

public enum SuspectPattern
{
    Unknown,
    GoroutineLeak,
    ClosureCapture,
    SyncPoolMisuse,
    UnboundedMap,
    TickerNotStopped,
    UnclosedResource,
    UnboundedSlice,
    TimerNotStopped,
    ContextNotCancelled,
    SubslicePinsBuffer,
}
