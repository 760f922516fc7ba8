// Issue 11, items 1 and 5: the built CLI as a real child process whose input pipe stays open and quiet, stopped by real
// signals (kill). Bounds are generous timeouts, not speed assertions: without the fix the process never exits.
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class LiveSignalTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly string Log = Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    [InlineData("HUP")]
    public void StopSignal_WhileInputIsQuiet_FinishesEveryOutputAndExits(string signal)
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-signal-").FullName;
        var (json, csv, events) = (Path.Combine(dir, "s.json"), Path.Combine(dir, "c.csv"), Path.Combine(dir, "e.jsonl"));
        using var cli = new LiveCli("--json", json, "--csv", csv, "--events", events, "--status", "never");
        cli.Write(File.ReadAllText(Log) + "app1 still alive\n");
        cli.WaitForStdout(l => l == "app1 still alive", Bound).Should().BeTrue("the app's line passes through: " + cli.Stderr);

        cli.Signal(signal); // the input pipe stays open and silent, like a quiet service

        cli.WaitForExit(Bound).Should().BeTrue($"SIGTERM-like {signal} must stop a quiet run; stderr: {cli.Stderr}");
        cli.ExitCode.Should().Be(0, cli.Stderr);
        cli.Stderr.Should().Contain("GC cycles", "the report is printed");
        var cycles = File.ReadLines(Log).Count(l => l.StartsWith("gc ", StringComparison.Ordinal));
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
            doc.RootElement.GetProperty("gc").GetProperty("cycles").GetInt64().Should().Be(cycles);
        File.ReadAllLines(csv).Should().HaveCount(cycles + 1, "a header and one row per cycle");
        File.ReadLines(events).Count(l => l.StartsWith("{\"kind\":\"gc\"", StringComparison.Ordinal)).Should().Be(cycles);
    }

    [Fact]
    public void StopSignal_BeforeAnyInput_StillExitsWithAReport()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-signal-").FullName;
        var json = Path.Combine(dir, "s.json");
        using var cli = new LiveCli("--json", json, "--status", "never");
        // Nothing is ever written: the first read (gzip detection) blocks. Give the runtime time to install its handlers,
        // which a written-then-echoed line would otherwise prove.
        cli.WaitForStderr(_ => false, TimeSpan.FromSeconds(2));

        cli.Signal("TERM");

        cli.WaitForExit(Bound).Should().BeTrue("stderr: " + cli.Stderr);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        doc.RootElement.GetProperty("gc").GetProperty("cycles").GetInt64().Should().Be(0);
    }

    [Fact]
    public void Sigquit_PassesTheApplicationsDumpThroughThenStops()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-signal-").FullName;
        var csv = Path.Combine(dir, "c.csv");
        using var cli = new LiveCli("--csv", csv, "--status", "never");
        cli.Write(File.ReadAllText(Log) + "app1\n");
        cli.WaitForStdout(l => l == "app1", Bound).Should().BeTrue(cli.Stderr);

        cli.Signal("QUIT");
        cli.WaitForStderr(l => l.Contains("SIGQUIT", StringComparison.Ordinal), Bound).Should().BeTrue(cli.Stderr);
        // What Go writes on SIGQUIT: the goroutine dump. It must still reach stdout.
        cli.Write("SIGQUIT: quit\ngoroutine 1 [running]:\nmain.main()\n");

        cli.WaitForStdout(l => l == "goroutine 1 [running]:", Bound).Should().BeTrue("the dump passes through; stderr: " + cli.Stderr);
        cli.WaitForExit(Bound).Should().BeTrue("SIGQUIT stops after its grace even though the input stays open; stderr: " + cli.Stderr);
        cli.ExitCode.Should().Be(0, cli.Stderr);
        cli.Stdout.Should().EndWith("SIGQUIT: quit\ngoroutine 1 [running]:\nmain.main()");
        File.ReadAllLines(csv).Should().HaveCount(File.ReadLines(Log).Count(l => l.StartsWith("gc ", StringComparison.Ordinal)) + 1);
    }
}
