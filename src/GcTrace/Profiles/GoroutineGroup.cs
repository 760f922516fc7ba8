// GoroutineGroup: how many goroutines share one key (a creation site, a wait state or a top user function).
namespace GcTrace.Profiles;

public sealed record GoroutineGroup(string Key, long Count);
