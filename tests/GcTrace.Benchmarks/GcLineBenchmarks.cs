// One gc line: the span fast path against the Sprache grammar of record, and the whole line router.
using BenchmarkDotNet.Attributes;
using GcTrace.Parsing;

namespace GcTrace.Benchmarks;

[MemoryDiagnoser]
public class GcLineBenchmarks
{
    private byte[][] _bytes = [];
    private string[] _text = [];
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        _text = Inputs.GcLines.Take(256).ToArray();
        _bytes = _text.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
    }

    [Benchmark(Baseline = true, Description = "FastGcLineParser")]
    public object? Fast() => FastGcLineParser.TryParse(_bytes[_i++ & 255], 1);

    [Benchmark(Description = "TraceGrammar (Sprache)")]
    public object? Grammar() => TraceGrammar.TryParse(_text[_i++ & 255], 1);

    [Benchmark(Description = "TraceLineParser (router)")]
    public object? Router() => TraceLineParser.TryParse(_bytes[_i++ & 255], 1);
}
