// GoroutineSummary: goroutine counts by creation site, wait state and top user function, the evidence for goroutine leaks.
namespace GcTrace.Profiles;

/// <summary>Groups are sorted by count descending, then key ascending (ordinal), so output is stable.</summary>
public sealed record GoroutineSummary(
    long Total,
    IReadOnlyList<GoroutineGroup> ByCreatedBy,
    IReadOnlyList<GoroutineGroup> ByWaitState,
    IReadOnlyList<GoroutineGroup> ByTopUserFunction)
{
    /// <summary>Key for goroutines whose creation site the format does not record (only debug=2 prints `created by`).</summary>
    public const string NotRecorded = "(not recorded)";

    /// <summary>Key for goroutines a debug=2 dump shows without `created by` (main, or started by the runtime).</summary>
    public const string NoCreator = "(none)";

    /// <summary>Key for stacks made only of runtime frames (GC workers and the like).</summary>
    public const string RuntimeOnly = "(runtime)";

    public static GoroutineSummary From(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var index = SampleIndex.Resolve(profile, "goroutine");
        var createdBy = new Dictionary<string, long>(StringComparer.Ordinal);
        var waitState = new Dictionary<string, long>(StringComparer.Ordinal);
        var topUser = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var sample in profile.Samples)
        {
            var count = sample.Values[index];
            total += count;
            Add(createdBy, sample.CreatedBy ?? (sample.GoroutineId is null ? NotRecorded : NoCreator), count);
            Add(waitState, sample.WaitState ?? WaitStateClassifier.Classify(sample.Stack), count);
            Add(topUser, TopUserFunction(sample.Stack) ?? RuntimeOnly, count);
        }

        return new GoroutineSummary(total, Sorted(createdBy), Sorted(waitState), Sorted(topUser));
    }

    /// <summary>The leaf-most frame outside the runtime: where the program itself is waiting or running.</summary>
    public static string? TopUserFunction(IReadOnlyList<StackFrame> stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        foreach (var frame in stack)
        {
            var name = frame.Function;
            if (name.Length != 0 && !name.StartsWith("runtime.", StringComparison.Ordinal)
                && !name.StartsWith("internal/runtime/", StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, long> map, string key, long count) =>
        map[key] = map.GetValueOrDefault(key) + count;

    private static List<GoroutineGroup> Sorted(Dictionary<string, long> map) =>
        map.Select(kv => new GoroutineGroup(kv.Key, kv.Value))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
}
