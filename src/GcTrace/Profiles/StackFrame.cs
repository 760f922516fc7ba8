// StackFrame: one resolved frame of a sample's stack, independent of the protobuf classes.
namespace GcTrace.Profiles;

/// <param name="Function">Function name as pprof prints it, e.g. "main.(*lru).put"; "" when unsymbolized.</param>
/// <param name="IsInlined">True when this frame was inlined into the next (caller) frame, i.e. both share one
/// pprof Location. pprof marks such call edges "(inline)", so the flag must survive the model.</param>
/// <param name="Address">The program counter of the Location the frame came from (0 when unknown). pprof's -base
/// merge keys samples by location address, so diffs need it.</param>
public sealed record StackFrame(string Function, string File, long Line, bool IsInlined, ulong Address = 0);
