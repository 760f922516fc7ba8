// The eras of the gc summary line, told apart by shape (gctrace-format.md §1.3).
namespace GcTrace.Events;

public enum GcFormat
{
    /// <summary>go1.5: 5 clock phases, 7 cpu values.</summary>
    Go15,
    /// <summary>go1.6 to go1.17: 3 clock phases, 5 cpu values.</summary>
    Go16,
    /// <summary>go1.18 and later: adds "MB stacks" and "MB globals".</summary>
    Go118,
}
