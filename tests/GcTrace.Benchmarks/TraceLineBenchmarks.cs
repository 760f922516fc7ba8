// One line of each non-gc trace kind: the span fast path against the Sprache grammar of record, on real fixture lines.
using BenchmarkDotNet.Attributes;
using GcTrace.Parsing;

namespace GcTrace.Benchmarks;

[MemoryDiagnoser]
public class TraceLineBenchmarks
{
    private byte[][] _bytes = [];
    private string[] _text = [];
    private int _i;

    [Params("scav", "pacer start", "pacer end", "scan", "SCHED")]
    public string Kind { get; set; } = "scav";

    [GlobalSetup]
    public void Setup()
    {
        var lines = Inputs.OtherKinds[Kind];
        _text = Enumerable.Range(0, 256).Select(i => lines[i % lines.Length]).ToArray();
        _bytes = _text.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
    }

    [Benchmark(Baseline = true, Description = "FastTraceLineParser")]
    public object? Fast() => FastTraceLineParser.TryParse(_bytes[_i++ & 255], 1);

    [Benchmark(Description = "TraceGrammar (Sprache)")]
    public object? Grammar() => TraceGrammar.TryParse(_text[_i++ & 255], 1);
}
