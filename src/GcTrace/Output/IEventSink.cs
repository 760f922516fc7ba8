// The one seam every consumer of events shares: analysis, CSV, JSON Lines, charts.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output;

/// <summary>
/// A consumer of parsed events. Each sink runs on its own task behind its own queue: the analysis slows the pipeline
/// (backpressure) and never loses events; a side output that stalls is detached rather than waited for, so it can
/// never hold the application's lines back. <see cref="Complete"/> is called once, after the last batch.
/// </summary>
public interface IEventSink
{
    /// <summary>A short name for error messages ("csv", "events").</summary>
    string Name { get; }

    void Write(IReadOnlyList<TraceEvent> batch);

    void Complete(InputSummary counts);
}
