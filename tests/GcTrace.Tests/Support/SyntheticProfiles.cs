// Builds heap and goroutine Profile objects directly, for diagnosis tests on stacks no fixture has.
using GcTrace.Profiles;

namespace GcTrace.Tests.Support;

public static class SyntheticProfiles
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A heap profile at <paramref name="atS"/> seconds: each entry is (inuse bytes, alloc bytes, leaf-first stack).</summary>
    public static Profile Heap(double atS, params (long Inuse, long Alloc, string[] Stack)[] samples) => new()
    {
        SourceName = FormattableString.Invariant($"heap@{atS}"),
        SampleTypes =
        [
            new("alloc_objects", "count"), new("alloc_space", "bytes"),
            new("inuse_objects", "count"), new("inuse_space", "bytes"),
        ],
        Samples = samples.Select(s => new ProfileSample { Values = [1, s.Alloc, 1, s.Inuse], Stack = Frames(s.Stack) }).ToList(),
        TimeNanos = Nanos(atS),
    };

    /// <summary>A heap profile whose samples carry the object size label ("bytes") runtime/pprof writes: each entry
    /// is (inuse bytes, alloc bytes, object size, leaf-first stack).</summary>
    public static Profile HeapSized(double atS, params (long Inuse, long Alloc, long Bytes, string[] Stack)[] samples) => new()
    {
        SourceName = FormattableString.Invariant($"heap@{atS}"),
        SampleTypes =
        [
            new("alloc_objects", "count"), new("alloc_space", "bytes"),
            new("inuse_objects", "count"), new("inuse_space", "bytes"),
        ],
        Samples = samples.Select(s => new ProfileSample
        {
            Values = [s.Alloc / s.Bytes, s.Alloc, s.Inuse / s.Bytes, s.Inuse],
            Stack = Frames(s.Stack),
            NumLabels = new Dictionary<string, IReadOnlyList<long>> { ["bytes"] = [s.Bytes] },
        }).ToList(),
        TimeNanos = Nanos(atS),
    };

    /// <summary>A goroutine profile at <paramref name="atS"/> seconds: each entry is (count, created by, leaf-first stack).</summary>
    public static Profile Goroutines(double atS, params (long Count, string? CreatedBy, string[] Stack)[] samples) => new()
    {
        SourceName = FormattableString.Invariant($"goroutine@{atS}"),
        SampleTypes = [new("goroutine", "count")],
        Samples = samples.Select(s => new ProfileSample { Values = [s.Count], Stack = Frames(s.Stack), CreatedBy = s.CreatedBy }).ToList(),
        TimeNanos = Nanos(atS),
    };

    private static List<StackFrame> Frames(string[] names) => names.Select(n => new StackFrame(n, "", 0, false)).ToList();

    private static long Nanos(double atS) => (Start.AddSeconds(atS) - DateTimeOffset.UnixEpoch).Ticks * 100;
}
