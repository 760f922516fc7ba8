// What an end-of-run sink gets: the summary with its verdict, the full pause distribution, and the profiles read.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Profiles;

namespace GcTrace.Output;

public sealed record RunEnd(TraceDiagnosis Diagnosis, PauseDistribution Pauses, IReadOnlyList<Profile> Heaps)
{
    /// <summary>The goroutine profiles read, in time order (the HTML report counts each goroutine suspect in them).</summary>
    public IReadOnlyList<Profile> Goroutines { get; init; } = [];
}
