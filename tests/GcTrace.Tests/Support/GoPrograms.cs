// Builds the real Go fixture programs (fixtures/src) once per test run, for end-to-end tests.
using System.Collections.Concurrent;
using System.Diagnostics;

namespace GcTrace.Tests.Support;

public static class GoPrograms
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();
    private static readonly string OutDir = Path.Combine(Path.GetTempPath(), "gctrace-tests-go-" + Environment.ProcessId);

    /// <summary>The path of the built program fixtures/src/<paramref name="name"/>; builds it with `go build` on first use.</summary>
    public static string Path_(string name) => Built.GetOrAdd(name, n => new Lazy<string>(() => Build(n))).Value;

    private static string Build(string name)
    {
        Directory.CreateDirectory(OutDir);
        var output = Path.Combine(OutDir, name);
        var psi = new ProcessStartInfo("go", ["build", "-trimpath", "-o", output, "./" + name])
        {
            WorkingDirectory = Path.Combine(RepoPaths.Fixtures, "src"),
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        psi.Environment["GOPROXY"] = "off";
        psi.Environment["GOFLAGS"] = "-mod=mod";
        psi.Environment["GOCACHE"] = Path.Combine(Path.GetTempPath(), "gctrace-tests-gocache");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("go not found: run scripts/setup.sh");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"go build {name} failed: {err}");
        return output;
    }
}
