// go1.25+ gctrace=2 `scan:` lines that follow a gc line (gctrace-format.md §2.3).
namespace GcTrace.Events;

/// <summary>
/// <see cref="SizeClass"/> is null for the <c>scan: total</c> line, "L" for large objects, else the class size such as "16B".
/// With greenteagc the objects split into sparse+span-sparse+span-dense and spans into sparse+dense; without it only
/// <see cref="Objects"/> is printed and the parts are null.
/// </summary>
public sealed record ScanEvent(
    long Line,
    string? SizeClass,
    long? ObjectsSparse,
    long? ObjectsSpanSparse,
    long? ObjectsSpanDense,
    long Objects,
    long? SpansSparse,
    long? SpansDense,
    long? Spans) : TraceEvent(Line)
{
    public override string Kind => "scan";
}
