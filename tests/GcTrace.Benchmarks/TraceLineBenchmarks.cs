// One line of each non-gc trace kind: the span fast path against the Sprache grammar of record, on real fixture lines.
using BenchmarkDotNet.Attributes;
using GcTrace.Parsing;

namespace GcTrace.Benchmarks;

[MemoryDiagnoser]
public class TraceLineBenchmarks
{
    private byte[][] bytes = [];
    private string[] text = [];
    private int i;

    [Params("scav", "pacer start", "pacer end", "scan", "SCHED")]
    public string Kind { get; set; } = "scav";

    [GlobalSetup]
    public void Setup()
    {
        var lines = Inputs.OtherKinds[Kind];
        text = Enumerable.Range(0, 256).Select(i => lines[i % lines.Length]).ToArray();
        bytes = text.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
    }

    [Benchmark(Baseline = true, Description = "FastTraceLineParser")]
    public object? Fast() => FastTraceLineParser.TryParse(bytes[i++ & 255], 1);

    [Benchmark(Description = "TraceGrammar (Sprache)")]
    public object? Grammar() => TraceGrammar.TryParse(text[i++ & 255], 1);
}
