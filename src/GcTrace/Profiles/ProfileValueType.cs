// ProfileValueType: what one column of sample values measures, e.g. ("inuse_space", "bytes") or ("goroutine", "count").
namespace GcTrace.Profiles;

public sealed record ProfileValueType(string Type, string Unit);
