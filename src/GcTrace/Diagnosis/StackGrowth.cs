// How one allocation stack's memory changed between the first and last heap snapshot of a series.
using GcTrace.Profiles;

namespace GcTrace.Diagnosis;
/// <param name="Stack">Leaf first, as in the profile.</param>
/// <param name="InuseGrowthBytes">inuse_space last minus first.</param>
/// <param name="AllocGrowthBytes">alloc_space last minus first: what was allocated in between, kept or not.</param>
/// <param name="Blocks">Object sizes sampled at this stack in the last snapshot (the heap profile's "bytes" label;
/// the runtime keeps one record per stack and size), each with the bytes still in use. Runtime frames such as
/// runtime.mapassign are trimmed from heap stacks by runtime/pprof, so sizes are what is left to tell a map's
/// doubling bucket arrays from the values stored in it. Null when the profile has no size labels.</param>
public sealed record StackGrowth(
    IReadOnlyList<StackFrame> Stack,
    long InuseGrowthBytes,
    long AllocGrowthBytes,
    IReadOnlyList<BlockSize>? Blocks = null);

/// <param name="Bytes">Size of one object.</param>
/// <param name="InuseBytes">inuse_space of the objects of this size at the stack in the last snapshot.</param>
public sealed record BlockSize(long Bytes, long InuseBytes);
