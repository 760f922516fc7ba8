// Entry point: BenchmarkDotNet picks the benchmarks from the command line (--filter, --job short).
using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GcTrace.Benchmarks.Inputs).Assembly).Run(args);
