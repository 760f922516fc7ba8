// The whole pipeline (read -> parse -> analyse) over an in-memory file of real lines.
using BenchmarkDotNet.Attributes;
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Output;
using GcTrace.Pipeline;

namespace GcTrace.Benchmarks;

[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string mixed = "";
    private string gcOnly = "";
    private string allKinds = "";

    [GlobalSetup]
    public void Setup()
    {
        // tmpfs-backed /dev/shm when there is one, so the benchmark measures the pipeline, not the disk.
        var dir = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        mixed = Path.Combine(dir, "gctrace-bench-mixed.log");
        gcOnly = Path.Combine(dir, "gctrace-bench-gc-only.log");
        File.WriteAllBytes(mixed, Inputs.Mixed(32 << 20));
        File.WriteAllBytes(gcOnly, Inputs.GcOnly(16 << 20));
        allKinds = Path.Combine(dir, "gctrace-bench-all-kinds.log");
        File.WriteAllBytes(allKinds, Inputs.AllKinds(16 << 20));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(mixed);
        File.Delete(gcOnly);
        File.Delete(allKinds);
    }

    [Benchmark(Description = "pipeline 32 MiB mixed")]
    public Task<TraceSummary> Mixed() => Run(mixed);

    [Benchmark(Description = "pipeline 16 MiB gc-only")]
    public Task<TraceSummary> GcOnly() => Run(gcOnly);

    [Benchmark(Description = "pipeline 16 MiB all kinds")]
    public Task<TraceSummary> AllKinds() => Run(allKinds);

    private static async Task<TraceSummary> Run(string path)
    {
        var analyzer = new TraceAnalyzer();
        var pipeline = new TracePipeline([path], null, [new AnalysisSink(analyzer)], analyzer.Input);
        await pipeline.RunAsync(CancellationToken.None);
        return analyzer.Summarize();
    }
}
