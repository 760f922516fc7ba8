// inuse_space growth of one function across a heap series, flat and cumulative, as `pprof -base` would show it.
namespace GcTrace.Diagnosis;

/// <param name="FlatGrowthBytes">Last minus first of the memory allocated by the function itself.</param>
/// <param name="CumGrowthBytes">Last minus first of the memory allocated by it and its callees.</param>
/// <param name="FlatSlopeBytesPerS">Least-squares slope of flat in-use bytes over every kept snapshot: a trend, not
/// two end points that one lucky snapshot could distort.</param>
public sealed record FunctionGrowth(string Function, long FlatGrowthBytes, long CumGrowthBytes, double FlatSlopeBytesPerS);
