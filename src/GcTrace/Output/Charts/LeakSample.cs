// One heap-profile snapshot's inuse_space for an allocation site.
namespace GcTrace.Output.Charts;

public readonly record struct LeakSample(double TimeS, long InuseBytes);
