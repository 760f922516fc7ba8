// What one run ends with: the summary and verdict, and the outputs that failed (each reported once).
using GcTrace.Diagnosis;

namespace GcTrace.Pipeline;

public sealed record TraceRunResult(TraceDiagnosis Diagnosis, IReadOnlyList<SinkFailure> Failures);
