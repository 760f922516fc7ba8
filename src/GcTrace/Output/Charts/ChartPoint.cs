// One plotted point: trace time in seconds and a value in the chart's unit.
namespace GcTrace.Output.Charts;

public readonly record struct ChartPoint(double TimeS, double Value);
