// The chunk scanner over 1 MiB of real lines: mixed (1% gc lines) and gc lines only, per byte of input.
using BenchmarkDotNet.Attributes;
using GcTrace.Events;
using GcTrace.Parsing;

namespace GcTrace.Benchmarks;

[MemoryDiagnoser]
public class ScannerBenchmarks
{
    private byte[] mixed = [];
    private byte[] gcOnly = [];

    [GlobalSetup]
    public void Setup()
    {
        mixed = Cut(Inputs.Mixed(1 << 20));
        gcOnly = Cut(Inputs.GcOnly(1 << 20));
    }

    [Benchmark(Baseline = true, Description = "count newlines (floor)")]
    public int Newlines() => mixed.AsSpan().Count((byte)'\n');

    [Benchmark(Description = "scan 1 MiB mixed")]
    public long Mixed() => Scan(mixed);

    [Benchmark(Description = "scan 1 MiB gc-only")]
    public long GcOnly() => Scan(gcOnly);

    private static long Scan(byte[] chunk)
    {
        var output = new CountingOutput();
        var scanner = new TraceScanner(output);
        scanner.Scan(chunk);
        scanner.Complete();
        return output.Events + output.AppLines;
    }

    // Whole lines only, as the read stage sends them.
    private static byte[] Cut(byte[] b) => b[..(b.AsSpan().LastIndexOf((byte)'\n') + 1)];

    private sealed class CountingOutput : IScanOutput
    {
        public long Events;
        public long AppLines;

        public void OnEvent(TraceEvent e) => Events++;

        public void OnAppText(ReadOnlySpan<byte> bytes, long appLines) => AppLines += appLines;
    }
}
