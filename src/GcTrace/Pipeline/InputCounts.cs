// How the input lines were accounted for: every line is exactly one of app, gc, other trace or unrecognized.
namespace GcTrace.Pipeline;

public sealed record InputCounts(
    long Lines,
    long GcLines,
    long AppLines,
    long OtherTraceLines,
    long RepairedGcLines,
    long UnrecognizedGcLines);
