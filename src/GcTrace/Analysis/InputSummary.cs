// The `input` block of the summary: how many lines of each kind were read.
namespace GcTrace.Analysis;

public sealed record InputSummary(
    long Lines,
    long GcLines,
    long AppLines,
    long OtherTraceLines,
    long RepairedGcLines,
    long UnrecognizedGcLines);
