// Issue 11, items 6, 7 and 8: side outputs that cannot be opened, that stall (a FIFO nobody reads) or that fail when
// written (/dev/full), with the built CLI as a real child process in a real pipe. The application's lines always flow
// to the end, the report is printed, every failed output is named with its option, and the exit code says so.
using System.Diagnostics;
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class LiveOutputFaultTests
{
    /// <summary>The contract's exit code for "an output failed" (docs/output-contract.md).</summary>
    private const int OutputFailed = 3;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly string Log = Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");

    [Theory]
    [InlineData("--csv")]
    [InlineData("--json")]
    [InlineData("--events")]
    [InlineData("--png")]
    public void BadOutputPath_InPipeMode_ReportedOnce_AppLinesFlowToTheEnd_ExitSaysAnOutputFailed(string option)
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-out-").FullName;
        var other = Path.Combine(dir, option == "--json" ? "other.csv" : "other.json");
        var otherOption = option == "--json" ? "--csv" : "--json";
        // Under a regular file: not a directory even for root, who may create any missing directory.
        var bad = Path.Combine(dir, "a-file", "out");
        File.WriteAllText(Path.Combine(dir, "a-file"), "");
        // A real Go program writing into the pipe: it must run to its end, not die of SIGPIPE because we gave up.
        var exe = GoPrograms.Path_("steady");
        var r = CliProcess.Shell(
            $"GODEBUG=gctrace=1 GOMAXPROCS=2 '{exe}' -duration 1s 2>&1 | tee '{dir}/raw.log' | {CliProcess.Command($"{option} {bad} {otherOption} '{other}' --status never")}; " +
            "echo \"app=${PIPESTATUS[0]} cli=${PIPESTATUS[2]}\" >&2",
            timeout: Bound);

        r.Stderr.Should().Contain("app=0 ", "the application ran to its end");
        r.Stderr.Should().Contain($"cli={OutputFailed}");
        var appLines = File.ReadAllLines(Path.Combine(dir, "raw.log")).Where(l => !l.StartsWith("gc ", StringComparison.Ordinal)).ToList();
        r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(appLines, "every application line passes through");
        r.Stderr.Split('\n').Count(l => l.Contains($"{option} {bad}:", StringComparison.Ordinal)).Should().Be(1, "the failure is reported once: " + r.Stderr);
        r.Stderr.Should().Contain("GC cycles", "the report is printed anyway");
        File.Exists(other).Should().BeTrue("the other output is written");
    }

    [Fact]
    public void BadOutputPath_IsReportedBeforeInputEnds()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-out-").FullName;
        File.WriteAllText(Path.Combine(dir, "a-file"), "");
        var bad = Path.Combine(dir, "a-file", "s.json");
        using var cli = new LiveCli("--json", bad, "--status", "never");
        cli.Write("app1\n");

        cli.WaitForStderr(l => l.Contains($"--json {bad}", StringComparison.Ordinal), Bound).Should().BeTrue("reported at once, not at the end: " + cli.Stderr);
        cli.WaitForStdout(l => l == "app1", Bound).Should().BeTrue();
        cli.CloseInput();
        cli.WaitForExit(Bound).Should().BeTrue(cli.Stderr);
        cli.ExitCode.Should().Be(OutputFailed, cli.Stderr);
    }

    [Fact]
    public async Task StalledFifoOutput_NeverHoldsThePassThroughBack_IsDetached_AnalysisStaysLossless()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-fifo-").FullName;
        var fifo = Path.Combine(dir, "events.fifo");
        var json = Path.Combine(dir, "s.json");
        using (var mk = Process.Start("mkfifo", [fifo])!) mk.WaitForExit();
        // A reader that opens the FIFO and never reads; it ends by itself.
        using var reader = Process.Start("bash", ["-c", $"exec 3<'{fifo}'; sleep 90"])!;
        try
        {
            const int copies = 200; // ~1 MB of JSON Lines: far beyond what the FIFO and our buffer hold
            // One long run: each copy's cycles continue the numbers and clock of the one before (identical copies
            // would be recognised as duplicate lines and counted once).
            var lines = File.ReadAllLines(Log);
            var copiesText = Enumerable.Range(0, copies).Select(k => string.Concat(lines.Select(l => Renumber(l, k) + "\n"))).ToList();
            using var cli = new LiveCli("--events", fifo, "--json", json, "--status", "never");
            // Fed from another thread: if the pass-through were held back, this write would block, not the test's clock.
            var feeding = Task.Run(() =>
            {
                foreach (var text in copiesText) cli.Write(text);
            });
            var appPerCopy = File.ReadLines(Log).Count(l => !l.StartsWith("gc ", StringComparison.Ordinal));
            var gcPerCopy = File.ReadLines(Log).Count(l => l.StartsWith("gc ", StringComparison.Ordinal));

            // Every application line comes out while the FIFO is stuck, before the input even ends.
            LiveCli.WaitUntil(() => cli.StdoutLineCount >= copies * appPerCopy, Bound).Should().BeTrue($"{cli.StdoutLineCount} of {copies * appPerCopy} app lines; stderr: {cli.Stderr}");
            await feeding.WaitAsync(Bound);
            cli.CloseInput();

            cli.WaitForExit(Bound).Should().BeTrue("a stalled output is detached, not waited for: " + cli.Stderr);
            cli.ExitCode.Should().Be(OutputFailed, cli.Stderr);
            cli.Stderr.Should().Contain($"--events {fifo}").And.Contain("incomplete").And.Contain("GC cycles");
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            doc.RootElement.GetProperty("gc").GetProperty("cycles").GetInt64().Should().Be(copies * gcPerCopy, "the analysis saw every cycle");
        }
        finally
        {
            if (!reader.HasExited) reader.Kill();
        }
    }

    [Fact]
    public void FailedOutputs_DoNotHideTheRest_EachIsNamed_NoTruncatedFileLooksComplete()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-full-").FullName;
        var csv = Path.Combine(dir, "c.csv");
        var events = Path.Combine(dir, "e.jsonl");
        File.WriteAllText(events, "previous complete run\n");

        var r = CliProcess.Shell(
            $"cat '{Log}' | {CliProcess.Command($"--json /dev/full --png /dev/full/charts --csv '{csv}' --events '{events}' --fail-on 'gc_cpu>0%' --status never")}",
            timeout: Bound);

        r.ExitCode.Should().Be(OutputFailed, r.Stderr);
        r.Stderr.Should().Contain("GC cycles", "the report is printed anyway");
        r.Stderr.Should().Contain("--fail-on gc_cpu>0% holds: gc_cpu = ", "--fail-on is still evaluated");
        r.Stderr.Should().Contain("--json /dev/full").And.Contain("--png /dev/full/charts");
        File.ReadAllLines(csv).Should().HaveCount(File.ReadLines(Log).Count(l => l.StartsWith("gc ", StringComparison.Ordinal)) + 1, "the good outputs are complete");
        File.ReadLines(events).Should().NotContain("previous complete run", "replaced by this run's complete file");
        Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("no temporary file is left behind");
    }

    private static string Renumber(string line, int copy)
    {
        var m = System.Text.RegularExpressions.Regex.Match(line, @"^gc (\d+) @(\d+\.\d+)s");
        if (!m.Success) return line;
        var number = long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + copy * 1000L;
        var start = decimal.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + copy * 100m;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gc {number} @{start:0.000}s") + line[m.Length..];
    }
}
