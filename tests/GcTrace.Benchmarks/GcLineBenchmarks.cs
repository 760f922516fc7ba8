// One gc line: the span fast path against the Sprache grammar of record, and the whole line router.
using BenchmarkDotNet.Attributes;
using GcTrace.Parsing;

namespace GcTrace.Benchmarks;

[MemoryDiagnoser]
public class GcLineBenchmarks
{
    private byte[][] bytes = [];
    private string[] text = [];
    private int i;

    [GlobalSetup]
    public void Setup()
    {
        text = Inputs.GcLines.Take(256).ToArray();
        bytes = text.Select(System.Text.Encoding.ASCII.GetBytes).ToArray();
    }

    [Benchmark(Baseline = true, Description = "FastGcLineParser")]
    public object? Fast() => FastGcLineParser.TryParse(bytes[i++ & 255], 1);

    [Benchmark(Description = "TraceGrammar (Sprache)")]
    public object? Grammar() => TraceGrammar.TryParse(text[i++ & 255], 1);

    [Benchmark(Description = "TraceLineParser (router)")]
    public object? Router() => TraceLineParser.TryParse(bytes[i++ & 255], 1);
}
