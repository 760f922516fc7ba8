// The values of `verdict.suspects[].pattern` that the output contract allows.
namespace GcTrace.Analysis;

public static class SuspectPatterns
{
    public const string GoroutineLeak = "goroutine-leak";
    public const string ClosureCapture = "closure-capture";
    public const string SyncPoolMisuse = "sync-pool-misuse";
    public const string UnboundedMap = "unbounded-map";
    public const string TickerNotStopped = "ticker-not-stopped";
    public const string UnclosedResource = "unclosed-resource";
    public const string Unknown = "unknown";
}
