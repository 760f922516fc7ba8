// An output that stopped taking data and was detached so that it could not hold the run back.
namespace GcTrace.Output;

public sealed class OutputStalledException(string message) : IOException(message)
{
    /// <summary>An output with data waiting and no progress for this long is stalled (a FIFO nobody reads, a hung
    /// network file system); a healthy disk takes milliseconds, a busy one well under a second.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(5);
}
