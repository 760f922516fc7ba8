// `pacer:` lines printed under gcpacertrace=1, every era (gctrace-format.md §3.1).
namespace GcTrace.Events;

/// <summary>
/// The pacer prints three shapes: at cycle start (<see cref="Phase"/> "start": assist ratio and workers), at cycle end
/// ("end": the go1.18+ CPU/work summary, or the go1.5-1.17 <c>name=value</c> list) and when sweeping ends ("sweep-done").
/// <see cref="Fields"/> holds every number of the line under a snake_case name with its unit, in print order.
/// </summary>
public sealed record PacerEvent(long Line, string Phase, IReadOnlyList<KeyValuePair<string, double>> Fields) : TraceEvent(Line)
{
    public override string Kind => "pacer";

    /// <summary>go1.18-1.19 end-of-cycle lines may end in <c>[controller reset]</c>.</summary>
    public bool ControllerReset { get; init; }

    public double? this[string name] => Fields.FirstOrDefault(f => f.Key == name) is { Key: not null } f ? f.Value : null;

    // By value, fields included (a record compares a list by reference): two parses of the same line are equal events.
    public bool Equals(PacerEvent? other) =>
        ReferenceEquals(this, other)
        || (other is not null && base.Equals(other) && Phase == other.Phase && ControllerReset == other.ControllerReset
            && Fields.Count == other.Fields.Count && Enumerable.Range(0, Fields.Count).All(i => SameField(Fields[i], other.Fields[i])));

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Phase, ControllerReset, Fields.Count);

    private static bool SameField(KeyValuePair<string, double> a, KeyValuePair<string, double> b) =>
        string.Equals(a.Key, b.Key, StringComparison.Ordinal) && a.Value.Equals(b.Value);
}
