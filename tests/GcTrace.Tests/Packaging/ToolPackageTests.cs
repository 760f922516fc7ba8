// The installed tool: scripts/pack-tool.sh packs this machine's RID, `dotnet tool install` installs it, and the native
// binary it installs, copied alone into an empty folder, still draws charts (its chart libraries travel inside it).
using System.Runtime.InteropServices;
using System.Text;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Packaging;

/// <summary>
/// Runs only with GCTRACE_PACK_TESTS=1: packing compiles Native AOT twice for x64 (portable and x86-64-v3), minutes on
/// two cores. `scripts/test.sh` (the README's and CI's test command) sets it, so every clean checkout proves the install;
/// a plain `dotnet test` in a development loop skips them.
/// </summary>
public sealed class PackTestFactAttribute : FactAttribute
{
    public const string Variable = "GCTRACE_PACK_TESTS";

    public PackTestFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"packs Native AOT (minutes): set {Variable}=1 to run";
    }
}

/// <summary>
/// Packs once per test run (Native AOT compiles for minutes), on first use, and installs the tool from those packages into a
/// tool path, with a NuGet configuration that knows only that folder and a private package cache, so neither a
/// package published elsewhere nor an older local build of the same version is installed instead.
/// </summary>
public sealed class InstalledToolFixture : IDisposable
{
    private readonly Lazy<(CliProcess.Result Pack, CliProcess.Result Install)> built;

    public InstalledToolFixture()
    {
        Dir = Directory.CreateTempSubdirectory("gctrace-tool-").FullName;
        built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Dir { get; }

    public CliProcess.Result Pack => built.Value.Pack;

    public CliProcess.Result Install => built.Value.Install;

    private (CliProcess.Result, CliProcess.Result) Build()
    {
        var packages = Path.Combine(Dir, "packages");
        var pack = CliProcess.Shell(
            $"PACK_RIDS='{RuntimeInformation.RuntimeIdentifier}' bash '{RepoPaths.Root}/scripts/pack-tool.sh' '{packages}'",
            timeout: TimeSpan.FromMinutes(40));
        File.WriteAllText(Path.Combine(Dir, "nuget.config"),
            $"""
             <configuration>
               <packageSources><clear /><add key="local" value="{packages}" /></packageSources>
             </configuration>
             """);
        var install = CliProcess.Shell(
            $"cd '{Dir}' && NUGET_PACKAGES='{Dir}/nuget-cache' dotnet tool install --tool-path '{Dir}/t' --configfile nuget.config GcTrace.Pipe",
            timeout: TimeSpan.FromMinutes(5));
        return (pack, install);
    }

    /// <summary>The command `dotnet tool install` put on the tool path (a link into its package store).</summary>
    public string Command => Path.Combine(Dir, "t", "gctrace-pipe");

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

public class ToolPackageTests(InstalledToolFixture tool) : IClassFixture<InstalledToolFixture>
{
    private static readonly string Log = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "combined.log");

    [PackTestFact]
    public void PackAndInstall_InstallsTheNativeBinaryForThisRid()
    {
        tool.Pack.ExitCode.Should().Be(0, tool.Pack.Stderr);
        tool.Install.ExitCode.Should().Be(0, tool.Install.Stdout + tool.Install.Stderr);
        var target = new FileInfo(tool.Command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool.Command;
        target.Should().Contain($"gctrace.pipe.{RuntimeInformation.RuntimeIdentifier}", "the RID package, not the framework-dependent one");
        File.ReadAllBytes(target).AsSpan(0, 4).ToArray().Should().Equal([0x7F, (byte)'E', (byte)'L', (byte)'F']);
        var version = CliProcess.Shell($"'{tool.Command}' --version");
        version.ExitCode.Should().Be(0, version.Stderr);
    }

    [PackTestFact]
    public void NativeBinaryAloneInEmptyFolder_DrawsChartsAndPrintsReport()
    {
        var dir = AloneCopy("alone");
        var cache = Path.Combine(dir, "cache");

        var first = Charts(dir, cache);
        var second = Charts(dir, cache); // from the cache written by the first run

        foreach (var (r, charts) in new[] { first, second })
        {
            r.ExitCode.Should().Be(0, r.Stderr);
            r.Stderr.Should().Contain("verdict").And.Contain("STW pause");
            Directory.GetFiles(charts, "*.png").Should().HaveCountGreaterThanOrEqualTo(4);
            foreach (var png in Directory.GetFiles(charts, "*.png"))
                File.ReadAllBytes(png).AsSpan(1, 3).ToArray().Should().Equal("PNG"u8.ToArray());
        }
        Directory.GetFiles(Path.Combine(cache, "gctrace-pipe"), "*.so", SearchOption.AllDirectories)
            .Select(Path.GetFileName).Should().BeEquivalentTo(["libSkiaSharp.so", "libHarfBuzzSharp.so"]);
    }

    [PackTestFact]
    public void NativeBinaryWithBrokenLibraryBesideIt_UsesItsEmbeddedCopy()
    {
        var dir = AloneCopy("broken-beside");
        File.WriteAllText(Path.Combine(dir, "libSkiaSharp.so"), "not a shared library\n");

        var (r, charts) = Charts(dir, Path.Combine(dir, "cache"));

        r.ExitCode.Should().Be(0, r.Stderr);
        Directory.GetFiles(charts, "*.png").Should().HaveCountGreaterThanOrEqualTo(4);
    }

    [PackTestFact]
    public void InstalledCommand_OnALargeFile_RunsTheX86_64V3TwinWhereTheCpuHasAvx2()
    {
        var exe = RunningBinaryOnLargeFile(optOut: false);

        var avx2 = File.ReadAllText("/proc/cpuinfo").Split('\n').First(l => l.StartsWith("flags", StringComparison.Ordinal))
            .Split(' ').Contains("avx2");
        if (avx2)
            exe.Should().EndWith("gctrace-pipe.x86-64-v3", "the portable binary hands a large input over to its AVX2 build");
        else
            exe.Should().EndWith("/gctrace-pipe", "without AVX2 the portable binary keeps the work");
    }

    [PackTestFact]
    public void InstalledCommand_OnALargeFileWithOptOut_KeepsThePortableBinary()
    {
        RunningBinaryOnLargeFile(optOut: true).Should().EndWith("/gctrace-pipe");
    }

    [PackTestFact]
    public void InstalledCommand_OnAPipe_KeepsThePortableBinary()
    {
        tool.Install.ExitCode.Should().Be(0, tool.Install.Stdout + tool.Install.Stderr);
        using var run = ToolRun.Start(tool.Command, [], optOut: false);

        run.Process.StandardInput.WriteLine("app: ready");
        run.Process.StandardInput.Flush();
        var echoed = run.Process.StandardOutput.ReadLineAsync();
        echoed.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("the application line is passed straight through");
        echoed.Result.Should().Be("app: ready");

        run.Executable().Should().EndWith("/gctrace-pipe", "a pipe's size is unknown and a live one runs at its writer's pace");
    }

    // The file the tool process executes once it reads standard input after a file of 256 MiB, the hand-over threshold
    // (the hand-over, if any, happens before any input is read), with GCTRACE_PORTABLE=1 when optOut.
    private string RunningBinaryOnLargeFile(bool optOut)
    {
        tool.Install.ExitCode.Should().Be(0, tool.Install.Stdout + tool.Install.Stderr);
        var large = Path.Combine(tool.Dir, "large.log");
        if (!File.Exists(large))
        {
            var lines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("app: a line of the application's own output\n", 1 << 14)));
            using var file = File.Create(large);
            while (file.Length <= 256L << 20) file.Write(lines);
        }
        using var run = ToolRun.Start(tool.Command, [large, "-", "--no-passthrough"], optOut);

        var reading = SpinWait.SpinUntil(run.ReadsStandardInput, TimeSpan.FromSeconds(60));
        reading.Should().BeTrue("after the file the tool waits on standard input");
        return run.Executable();
    }

    // One started tool process, its standard input kept open until disposed.
    private sealed class ToolRun(System.Diagnostics.Process process) : IDisposable
    {
        public System.Diagnostics.Process Process => process;

        public static ToolRun Start(string command, string[] args, bool optOut)
        {
            var start = new System.Diagnostics.ProcessStartInfo(command, args)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            if (optOut) start.Environment["GCTRACE_PORTABLE"] = "1";
            return new ToolRun(System.Diagnostics.Process.Start(start)!);
        }

        public string Executable() => new FileInfo($"/proc/{process.Id}/exe").ResolveLinkTarget(returnFinalTarget: false)!.FullName;

        // Some thread of the process is blocked reading the pipe on its standard input: /proc/PID/task/TID/syscall starts
        // with the syscall number (0 is read on x86-64) and the descriptor, which .NET dups from 0, so it is compared by
        // what it refers to (pipe:[inode]).
        public bool ReadsStandardInput()
        {
            var stdin = Target(0);
            return Directory.GetDirectories($"/proc/{process.Id}/task").Any(t =>
            {
                try
                {
                    var call = File.ReadAllText(Path.Combine(t, "syscall")).Split(' ');
                    return call is ["0", var fd, ..] && Target(Convert.ToInt32(fd, 16)) == stdin;
                }
                catch (IOException)
                {
                    return false;
                }
            });
        }

        private string? Target(int fd) => new FileInfo($"/proc/{process.Id}/fd/{fd}").LinkTarget;

        public void Dispose()
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill();
            process.Dispose();
        }
    }

    // The installed binary, copied alone into a new empty folder.
    private string AloneCopy(string name)
    {
        tool.Install.ExitCode.Should().Be(0, tool.Install.Stdout + tool.Install.Stderr);
        var dir = Directory.CreateDirectory(Path.Combine(tool.Dir, name)).FullName;
        var binary = Path.Combine(dir, "gctrace-pipe");
        File.Copy(tool.Command, binary); // keeps the executable mode on Unix
        return dir;
    }

    private static (CliProcess.Result Result, string Charts) Charts(string dir, string cache)
    {
        var charts = Path.Combine(dir, $"charts-{Guid.NewGuid():N}");
        var r = CliProcess.Shell($"cd '{dir}' && XDG_CACHE_HOME='{cache}' ./gctrace-pipe '{Log}' --png '{charts}'");
        return (r, charts);
    }
}
