// Why the what-if model declines to predict for a trace.
namespace GcTrace.Tuning;

public enum ModelLimit
{
    /// <summary>The model applies.</summary>
    None,

    /// <summary>Fewer steady cycles than a median can stand on.</summary>
    TooFewCycles,

    /// <summary>The live heap moves over the steady part (a leak, a plateau forming, a sawtooth of batches).</summary>
    HeapNotSteady,

    /// <summary>Goals sit well below what GOGC gives: a memory limit drives the GC, and the trace does not show total memory.</summary>
    MemoryLimitDrives,
}
