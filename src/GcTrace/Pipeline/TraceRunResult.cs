// What one run ends with: the summary and verdict, and the outputs that failed (each reported once).
namespace GcTrace.Pipeline;

using GcTrace.Diagnosis;

public sealed record TraceRunResult(TraceDiagnosis Diagnosis, IReadOnlyList<SinkFailure> Failures);
