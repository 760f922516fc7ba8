// CodePattern: the leak patterns the code reader can recognise at a site (docs/output-contract.md names them).
namespace GcTrace.Source;

public enum CodePattern
{
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
