// A --png run on a machine where SkiaSharp's native library cannot be loaded: the report and other outputs still come,
// the charts fail with one line naming the library, and the exit code says an output failed.
using System.Runtime.InteropServices;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Packaging;

public class ChartLibraryFailureTests
{
    private static readonly string Log = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "combined.log");

    [Fact]
    public void UnloadableSkiaLibrary_ReportAndJsonStillWritten_ChartsFailWithOneLine()
    {
        // The framework-dependent build, copied, with libSkiaSharp.so replaced by bytes that are no ELF file.
        var dir = Directory.CreateTempSubdirectory("gctrace-noskia-").FullName;
        try
        {
            var app = Path.Combine(dir, "app");
            CopyFrameworkDependentBuild(app);
            var skia = Path.Combine(app, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", "libSkiaSharp.so");
            File.Exists(skia).Should().BeTrue("the build ships SkiaSharp's native library for {0}", RuntimeInformation.RuntimeIdentifier);
            File.WriteAllText(skia, "not a shared library\n");
            var charts = Path.Combine(dir, "charts");
            var json = Path.Combine(dir, "summary.json");

            var r = CliProcess.Shell($"dotnet '{app}/gctrace-pipe.dll' '{Log}' --png '{charts}' --json '{json}'");

            r.ExitCode.Should().Be(3, "a failed output is exit 3 (docs/output-contract.md): " + r.Stderr);
            r.Stderr.Should().Contain("verdict").And.Contain("STW pause", "the report is printed although the charts failed");
            File.ReadAllText(json).Should().Contain("\"cycles\"");
            var errors = r.Stderr.Split('\n').Where(l => l.StartsWith("gctrace-pipe: --", StringComparison.Ordinal)).ToList();
            errors.Should().ContainSingle().Which.Should().StartWith("gctrace-pipe: --png").And.Contain("libSkiaSharp.so");
            r.Stderr.Should().NotContain("   at ").And.NotContain("TypeInitializationException");
            (Directory.Exists(charts) ? Directory.GetFiles(charts) : []).Should().BeEmpty();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // gctrace-pipe.dll with its dependencies (as the tests' build output holds them) and this RID's native files.
    private static void CopyFrameworkDependentBuild(string to)
    {
        var from = AppContext.BaseDirectory;
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from).Where(f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        var native = Path.Combine("runtimes", RuntimeInformation.RuntimeIdentifier, "native");
        Directory.CreateDirectory(Path.Combine(to, native));
        foreach (var f in Directory.GetFiles(Path.Combine(from, native)))
            File.Copy(f, Path.Combine(to, native, Path.GetFileName(f)));
    }
}
