// A span of trace time, for shading a regime (such as running at the memory limit) on a chart.
namespace GcTrace.Output.Charts;

public readonly record struct TimeRange(double StartS, double EndS);
