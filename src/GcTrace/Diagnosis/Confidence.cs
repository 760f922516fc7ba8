// The values of `verdict.confidence`, ordered so that a higher value is more certain.
namespace GcTrace.Diagnosis;

public enum Confidence
{
    Low,
    Medium,
    High,
}
