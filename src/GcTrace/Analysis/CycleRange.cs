// A run of consecutive gc numbers, first and last included.
namespace GcTrace.Analysis;

public sealed record CycleRange(long First, long Last);
