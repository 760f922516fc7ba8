// The seam between analysis and diagnosis: Analysis must not reach up into Diagnosis (house style, layers).
namespace GcTrace.Analysis;

public interface IVerdictRule
{
    Verdict Decide(TraceFindings findings);
}
