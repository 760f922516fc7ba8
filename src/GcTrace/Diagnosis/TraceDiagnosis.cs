// What a run produces at its end: the analysis' summary and the verdict Diagnosis drew from it.
namespace GcTrace.Diagnosis;

using GcTrace.Analysis;

public sealed record TraceDiagnosis(TraceSummary Summary, Verdict Verdict);
