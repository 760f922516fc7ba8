// The seam a diagnosis rule implements: findings in, verdict out.
using GcTrace.Analysis;

namespace GcTrace.Diagnosis;

public interface IVerdictRule
{
    Verdict Decide(TraceSummary summary);
}
