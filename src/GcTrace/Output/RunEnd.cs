// What an end-of-run sink gets: the summary with its verdict, the full pause distribution, and the heap profiles read.
namespace GcTrace.Output;

using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Profiles;

public sealed record RunEnd(TraceDiagnosis Diagnosis, PauseDistribution Pauses, IReadOnlyList<Profile> Heaps);
