// Profile: a heap or goroutine profile as read from any of Go's formats, independent of the protobuf classes.
namespace GcTrace.Profiles;

public sealed record Profile
{
    public required string SourceName { get; init; }

    public required IReadOnlyList<ProfileValueType> SampleTypes { get; init; }

    public required IReadOnlyList<ProfileSample> Samples { get; init; }

    /// <summary>Profile time in Unix nanoseconds; 0 when the format does not carry it (legacy text).</summary>
    public long TimeNanos { get; init; }

    public long DurationNanos { get; init; }

    public ProfileValueType? PeriodType { get; init; }

    public long Period { get; init; }

    public IReadOnlyList<string> Comments { get; init; } = [];

    /// <summary>Name of the default sample type (e.g. "alloc_space" for /allocs), or null when unset.</summary>
    public string? DefaultSampleType { get; init; }

    public DateTimeOffset? Time => TimeNanos == 0 ? null : DateTimeOffset.UnixEpoch.AddTicks(TimeNanos / 100);

    /// <summary>
    /// A goroutine profile read from text (debug=1 counts or a debug=2 dump): one value, the goroutine count, as the
    /// proto form names it.
    /// </summary>
    public static Profile OfGoroutines(string sourceName, IReadOnlyList<ProfileSample> samples) => new()
    {
        SourceName = sourceName,
        SampleTypes = [new ProfileValueType("goroutine", "count")],
        Samples = samples,
        PeriodType = new ProfileValueType("goroutine", "count"),
        Period = 1,
    };
}
