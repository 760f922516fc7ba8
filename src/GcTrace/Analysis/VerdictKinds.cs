// The values of `verdict.kind` that the output contract allows.
namespace GcTrace.Analysis;

public static class VerdictKinds
{
    public const string Leak = "leak";
    public const string GcPressure = "gc-pressure";
    public const string Healthy = "healthy";
    public const string Inconclusive = "inconclusive";
}
