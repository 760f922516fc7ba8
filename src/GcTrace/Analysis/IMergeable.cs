// An accumulator that two adjacent time windows can be combined into, so window counts stay bounded.
namespace GcTrace.Analysis;

internal interface IMergeable<in T>
{
    /// <summary>Adds the totals of the window that follows this one.</summary>
    void MergeFrom(T next);
}
