// The profiles of one program at one moment of a run: kept heap snapshots and goroutine snapshots, each in time order.
namespace GcTrace.Profiles;

/// <param name="Heaps">Heap profiles in time order, each differing from the one before.</param>
/// <param name="Goroutines">Goroutine profiles in time order.</param>
/// <param name="IdenticalHeapsSkipped">Heap profiles dropped because they equalled the one before (no GC in between).</param>
public sealed record ProfileSnapshot(IReadOnlyList<Profile> Heaps, IReadOnlyList<Profile> Goroutines, int IdenticalHeapsSkipped)
{
    public static readonly ProfileSnapshot Empty = new([], [], 0);
}
