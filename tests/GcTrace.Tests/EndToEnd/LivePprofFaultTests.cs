// Issue 11, items 2, 3, 4 and 12: --pprof against a real server on 127.0.0.1 that misbehaves, with the built CLI as a
// child process reading a pipe. Whatever the endpoint does, the run goes on, the app's lines flow and the report comes.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class LivePprofFaultTests
{
    /// <summary>Refusing a bomb must not hold its inflated bytes: the peak stays below even the reader's 256 MiB cap.</summary>
    private const long MaxPeakRssBytes = 200L << 20;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly string Log = Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");

    [Theory]
    [InlineData(PprofFault.ClosesMidBody, "broke off")]
    [InlineData(PprofFault.StreamsEndlessly, "byte limit")]
    [InlineData(PprofFault.GzipBomb, "decompression limit")]
    public async Task MisbehavingEndpoint_IsAWarning_TheRunGoesOnWithinBoundedMemory(PprofFault fault, string warning)
    {
        await using var server = new MisbehavingPprofServer(fault);
        if (fault == PprofFault.GzipBomb) MisbehavingPprofServer.BombFile(); // made before the clock of the run starts
        var json = Path.Combine(Directory.CreateTempSubdirectory("gctrace-pprof-").FullName, "s.json");
        using var cli = new LiveCli("--pprof", server.Url, "--pprof-interval", "200ms", "--json", json, "--status", "never");
        cli.Write(File.ReadAllText(Log));

        cli.WaitForStderr(l => l.Contains(warning, StringComparison.Ordinal), Bound).Should().BeTrue(cli.Stderr);
        cli.Write("app line after the failed scrape\n");
        cli.WaitForStdout(l => l == "app line after the failed scrape", Bound).Should().BeTrue("the app's lines keep flowing; stderr: " + cli.Stderr);
        var firstRound = server.Requests;
        LiveCli.WaitUntil(() => server.Requests > firstRound, Bound).Should().BeTrue("scraping goes on after a failure");
        var peak = cli.PeakRssBytes();
        cli.CloseInput();

        cli.WaitForExit(Bound).Should().BeTrue(cli.Stderr);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        cli.Stderr.Should().Contain("GC cycles").And.NotContain("Exception");
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
            doc.RootElement.GetProperty("gc").GetProperty("cycles").GetInt64().Should().BeGreaterThan(0);
        peak.Should().BeLessThan(MaxPeakRssBytes, $"peak RSS (VmHWM) was {peak >> 20} MiB");
    }

    [Fact]
    public async Task HangingEndpoint_DoesNotHoldTheEndOfTheRun()
    {
        await using var server = new MisbehavingPprofServer(PprofFault.Hangs);
        using var cli = new LiveCli("--pprof", server.Url, "--status", "never");
        cli.Write(File.ReadAllText(Log));
        LiveCli.WaitUntil(() => server.Requests > 0, Bound).Should().BeTrue(cli.Stderr);

        cli.CloseInput(); // the scrape in flight is abandoned, not waited for

        cli.WaitForExit(Bound).Should().BeTrue(cli.Stderr);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        cli.Stderr.Should().Contain("GC cycles").And.Contain("0 of 1 scrapes");
    }

    [Fact]
    public void GzipBombHeapProfileFile_IsRefusedUnderThePeakRssBound()
    {
        var bomb = MisbehavingPprofServer.BombFile();
        // The CLI refuses the file and exits at once, so its peak RSS is taken from the kernel when it is reaped (wait4's
        // ru_maxrss, the same high-water mark /proc shows as VmHWM while it runs).
        var script = $"import os,sys; pid=os.spawnvp(os.P_NOWAIT,'dotnet',['dotnet','{CliProcess.Dll}','{Log}','--heap-profile','{bomb}']); " +
                     "_,status,ru=os.wait4(pid,0); print(os.waitstatus_to_exitcode(status), ru.ru_maxrss)";
        var r = CliProcess.Shell($"python3 -c \"{script}\"", timeout: Bound);

        var parts = r.Stdout.Trim().Split(' ');
        parts.Should().HaveCount(2, r.Stdout + r.Stderr);
        int.Parse(parts[0], CultureInfo.InvariantCulture).Should().Be(2, "a bomb is unreadable input: " + r.Stderr);
        r.Stderr.Should().Contain("decompression limit");
        var peak = long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
        peak.Should().BeLessThan(MaxPeakRssBytes, $"peak RSS was {peak >> 20} MiB");
    }

    [Fact]
    public void UnreachableEndpoint_WarnsOnceThenBacksOff_AndTheReportCountsTheScrapes()
    {
        using var cli = new LiveCli("--pprof", $"http://127.0.0.1:{FreePort()}", "--pprof-interval", "100ms", "--status", "never");
        cli.Write(File.ReadAllText(Log));
        cli.WaitForStderr(l => l.Contains("unreachable", StringComparison.Ordinal), Bound).Should().BeTrue(cli.Stderr);
        // Stay open for 3 s: a fixed 100 ms interval would make ~30 scrapes and 60 warnings there, the backoff a handful.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3)) cli.WaitForStderr(_ => false, TimeSpan.FromMilliseconds(200));
        cli.CloseInput();

        cli.WaitForExit(Bound).Should().BeTrue(cli.Stderr);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        var warnings = cli.Stderr.Split('\n').Count(l => l.Contains("warning", StringComparison.Ordinal));
        warnings.Should().BeInRange(1, 2, cli.Stderr);
        var tally = Regex.Match(cli.Stderr, @"(\d+) of (\d+) scrapes");
        tally.Success.Should().BeTrue(cli.Stderr);
        tally.Groups[1].Value.Should().Be("0");
        int.Parse(tally.Groups[2].Value, CultureInfo.InvariantCulture).Should().BeInRange(2, 8, "backoff doubles the wait after each failure");
        cli.Stderr.Should().NotContain("or --pprof)", "the report must not suggest the option that was given");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
