// The values of `verdict.kind`; ContractNames spells them as the output contract does.
namespace GcTrace.Diagnosis;

public enum VerdictKind
{
    Inconclusive,
    Leak,
    GcPressure,
    Healthy,
}
