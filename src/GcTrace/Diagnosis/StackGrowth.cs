// How one allocation stack's memory changed between the first and last heap snapshot of a series.
namespace GcTrace.Diagnosis;

using GcTrace.Profiles;

/// <param name="Stack">Leaf first, as in the profile.</param>
/// <param name="InuseGrowthBytes">inuse_space last minus first.</param>
/// <param name="AllocGrowthBytes">alloc_space last minus first: what was allocated in between, kept or not.</param>
public sealed record StackGrowth(IReadOnlyList<StackFrame> Stack, long InuseGrowthBytes, long AllocGrowthBytes);
