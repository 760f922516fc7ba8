// End to end for the product's main question: a real leaking Go program with its pprof endpoint on 127.0.0.1, its trace
// piped into gctrace-pipe --pprof, must come out as a leak with the right site.
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class PprofEndToEndTests
{
    [Theory]
    [InlineData("leak_map", "main.cacheResult", "unbounded-map")]
    [InlineData("leak_goroutine", "main.spawnWaiter", "goroutine-leak")]
    public void Pipe_LeakingProgramWithPprof_LeakVerdictNamesTheSite(string program, string leakFunction, string pattern)
    {
        var exe = GoPrograms.Path_(program);
        var port = FreePort();
        var json = Path.Combine(Directory.CreateTempSubdirectory("gctrace-pprof-").FullName, "summary.json");
        var url = $"http://127.0.0.1:{port}";

        var r = CliProcess.Shell(
            $"GODEBUG=gctrace=1 GOMAXPROCS=2 '{exe}' -duration 16s -memprofilerate 4096 -pprof 127.0.0.1:{port} 2>&1 | " +
            CliProcess.Command($"--pprof {url} --pprof-interval 1s --json '{json}' --no-passthrough"),
            timeout: TimeSpan.FromMinutes(2));

        r.ExitCode.Should().Be(0, r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var verdict = doc.RootElement.GetProperty("verdict");
        verdict.GetProperty("kind").GetString().Should().Be("leak", r.Stderr);
        verdict.GetProperty("suspects").EnumerateArray()
            .Select(s => (s.GetProperty("function").GetString(), s.GetProperty("pattern").GetString()))
            .Should().Contain((leakFunction, pattern), r.Stderr);
    }

    [Fact]
    public void Pipe_UnreachablePprof_WarnsAndStillReports()
    {
        var log = Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");
        // A producer that runs for a few seconds, as a live program would, while nothing listens on the pprof port.
        var r = CliProcess.Shell($"(cat '{log}'; sleep 3) | " + CliProcess.Command($"--pprof http://127.0.0.1:{FreePort()} --pprof-interval 1s --no-passthrough"));

        r.ExitCode.Should().Be(0, r.Stderr);
        r.Stderr.Should().Contain("warning").And.Contain("GC cycles");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
