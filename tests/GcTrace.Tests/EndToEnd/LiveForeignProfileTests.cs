// Issue 11, item 11: a heap profile from another run mixed in, through the built CLI: named in a warning.
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class LiveForeignProfileTests
{
    private static readonly string Steady = Path.Combine(RepoPaths.Corpus, "go1.19", "steady");

    [Fact]
    public void ProfileHoursAwayFromTheOthers_IsNamedInAWarning()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-foreign-").FullName;
        var foreign = Shifted(Path.Combine(Steady, "heap-003.pb.gz"), TimeSpan.FromHours(-5), Path.Combine(dir, "other-run.pb.gz"));
        var heaps = string.Join(' ', Enumerable.Range(0, 6).Select(i => $"'{Path.Combine(Steady, $"heap-{i:000}.pb.gz")}'"));

        var r = CliProcess.Run($"'{Path.Combine(Steady, "combined.log")}' --heap-profile {heaps} '{foreign}'");

        r.ExitCode.Should().Be(0, r.Stderr);
        var warnings = r.Stderr.Split('\n').Where(l => l.Contains("warning", StringComparison.Ordinal)).ToList();
        warnings.Should().ContainSingle(r.Stderr).Which.Should().Contain("other-run.pb.gz").And.Contain("another run");
    }

    [Fact]
    public void WithPprof_ProfileFilesFromBeforeTheTrace_AreNamed()
    {
        var heap = Path.Combine(Steady, "heap-005.pb.gz"); // taken when the corpus was made, long before this run
        using var cli = new LiveCli("--pprof", $"http://127.0.0.1:{FreePort()}", "--heap-profile", heap, "--status", "never");
        cli.Write(File.ReadAllText(Path.Combine(Steady, "combined.log")));
        cli.WaitForStderr(l => l.Contains("unreachable", StringComparison.Ordinal), TimeSpan.FromSeconds(30)).Should().BeTrue(cli.Stderr);
        cli.CloseInput();

        cli.WaitForExit(TimeSpan.FromSeconds(30)).Should().BeTrue(cli.Stderr);
        cli.Stderr.Should().Contain("profile heap-005.pb.gz was taken").And.Contain("before this trace");
    }

    // A copy of a real gzipped heap profile whose own timestamp (time_nanos) is moved by `by`.
    private static string Shifted(string source, TimeSpan by, string target)
    {
        using var raw = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
        var profile = GcTrace.Profiles.Proto.Profile.Parser.ParseFrom(raw);
        profile.TimeNanos += by.Ticks * 100;
        using var file = File.Create(target);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        profile.WriteTo(gzip);
        return target;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
