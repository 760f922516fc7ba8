// Where the scanner sends what it finds: typed events, and the bytes that belong to the application.
using GcTrace.Events;

namespace GcTrace.Parsing;

public interface IScanOutput
{
    /// <summary>A trace event, in input order.</summary>
    void OnEvent(TraceEvent e);

    /// <summary>
    /// Bytes that are not trace output, byte for byte and in order, to pass through. <paramref name="appLines"/> is how many
    /// application lines they end (an unrecognized line passed through counts as an event, not as an app line).
    /// </summary>
    void OnAppText(ReadOnlySpan<byte> bytes, long appLines);
}
