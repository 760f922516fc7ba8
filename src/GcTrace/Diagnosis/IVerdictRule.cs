// The seam a diagnosis rule implements: findings in, verdict out.
namespace GcTrace.Diagnosis;

using GcTrace.Analysis;

public interface IVerdictRule
{
    Verdict Decide(TraceSummary summary);
}
