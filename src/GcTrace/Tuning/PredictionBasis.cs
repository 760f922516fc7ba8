// How far a what-if figure can be trusted.
namespace GcTrace.Tuning;

public enum PredictionBasis
{
    /// <summary>From the GOGC pacing model and the measured steady state.</summary>
    Estimate,

    /// <summary>
    /// A memory limit sets the goal, and it counts memory the trace does not show (fragmentation, runtime metadata,
    /// unreleased pages): the goal and peak are upper bounds, GC rate and cost lower bounds.
    /// </summary>
    Bound,
}
