// ProfileSample: one sample: its values (one per sample type), its stack (leaf first) and goroutine details.
namespace GcTrace.Profiles;

public sealed record ProfileSample
{
    /// <summary>The key pprof uses to tell -diff_base samples apart (internal/driver fetch.go).</summary>
    public const string DiffBaseLabel = "pprof::base";

    /// <summary>One value per <see cref="Profile.SampleTypes"/> entry.</summary>
    public required IReadOnlyList<long> Values { get; init; }

    /// <summary>Frames from leaf (index 0) to root.</summary>
    public required IReadOnlyList<StackFrame> Stack { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Labels { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyDictionary<string, IReadOnlyList<long>> NumLabels { get; init; } =
        new Dictionary<string, IReadOnlyList<long>>();

    /// <summary>Goroutine wait state ("chan send", "select", "IO wait", ...): printed in debug=2 dumps, derived
    /// from the leaf runtime frames otherwise (see <see cref="WaitStateClassifier"/>); null for non-goroutine samples.</summary>
    public string? WaitState { get; init; }

    /// <summary>Minutes blocked, from debug=2 headers (`, 3 minutes`); null when not printed.</summary>
    public int? WaitMinutes { get; init; }

    /// <summary>Function named by `created by ...` in debug=2 dumps; null when absent or unknown.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>The `created by` frame with its file:line (the `go` statement), from debug=2 dumps; null otherwise.</summary>
    public StackFrame? Creator { get; init; }

    /// <summary>Goroutine id from a debug=2 header; null otherwise.</summary>
    public long? GoroutineId { get; init; }

    /// <summary>True for base samples of a -diff_base comparison: pprof then measures percentages against them.</summary>
    public bool IsDiffBase => Labels.TryGetValue(DiffBaseLabel, out var v) && v.Count > 0;
}
