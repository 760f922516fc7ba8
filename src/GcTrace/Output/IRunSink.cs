// The end-of-run output seam: JSON summary, text report, charts (and later metrics, HTML) get the whole result once.
namespace GcTrace.Output;

/// <summary>
/// An output written once, when input has ended and the diagnosis is made. Per-event outputs implement
/// <see cref="IEventSink"/> instead; an output that needs both (charts) implements both.
/// </summary>
public interface IRunSink
{
    /// <summary>A short name for error messages ("json", "png").</summary>
    string Name { get; }

    void Write(RunEnd end);
}
