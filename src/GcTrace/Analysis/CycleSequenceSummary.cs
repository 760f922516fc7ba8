// The `gc` block of the summary: gaps, restarts, forced cycles, format eras. Contract keys first, extras after.
namespace GcTrace.Analysis;

/// <param name="Cycles">All cycles seen.</param>
/// <param name="Forced">Cycles printed with (forced): runtime.GC() and friends (gctrace-format.md §1.5).</param>
/// <param name="FirstCycle">The first gc number seen, or null with no cycles.</param>
/// <param name="LastCycle">The last gc number seen, or null with no cycles.</param>
/// <param name="MissingCycles">gc numbers skipped inside segments (lost or unparsable lines).</param>
/// <param name="SpanS">The segments' spans added up.</param>
/// <param name="Format">The era seen ("go1.5", "go1.6-1.17", "go1.18+"), "mixed" for several, null for none.</param>
/// <param name="MissingRanges">The first few skipped ranges.</param>
/// <param name="Formats">Every era seen, oldest first.</param>
/// <param name="SegmentCount">How many segments (runs) the trace holds; a restart starts a new one.</param>
/// <param name="Segments">The first few segments, each summarised separately.</param>
public sealed record CycleSequenceSummary(
    long Cycles,
    long Forced,
    long? FirstCycle,
    long? LastCycle,
    long MissingCycles,
    decimal SpanS,
    string? Format,
    IReadOnlyList<CycleRange> MissingRanges,
    IReadOnlyList<string> Formats,
    long SegmentCount,
    IReadOnlyList<SegmentSummary> Segments)
{
    /// <summary>Exact repeats of a cycle already seen (a log shipped twice); not counted as cycles.</summary>
    public long DuplicateCycles { get; init; }

    /// <summary>The gc lines of more than one process are interleaved in the input; each is a segment of its own.</summary>
    public bool Interleaved { get; init; }
}
