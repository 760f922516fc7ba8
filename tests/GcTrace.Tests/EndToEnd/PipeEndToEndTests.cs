// End to end: a real Go program's real stdout+stderr piped through the real gctrace-pipe process.
using System.Diagnostics;
using System.Text.RegularExpressions;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.EndToEnd;

public class PipeEndToEndTests
{
    private static readonly Regex TraceLine = new(@"^(gc \d+ @\d+\.\d{3}s \d+%.* P( \(forced\))?|GC forced|scav .*|SCHED .*|pacer: .*)$");

    [Theory]
    [InlineData("steady", "GOGC=100")]
    [InlineData("chatty", "GOGC=1")]
    public void Pipe_RealGoProgram_StdoutIsProgramOutputMinusTraceAndNoCycleLost(string program, string env)
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-e2e-").FullName;
        var exe = GoPrograms.Path_(program);
        var raw = Path.Combine(dir, "raw.log");
        var events = Path.Combine(dir, "events.jsonl");
        var result = CliProcess.Shell($"GODEBUG=gctrace=1 GOMAXPROCS=2 {env} '{exe}' -duration 3s 2>&1 | tee '{raw}' | {CliProcess.Command($"--events '{events}'")}");

        result.ExitCode.Should().Be(0, result.Stderr);
        var input = File.ReadAllText(raw);
        var highest = Regex.Matches(input, @"(?:^|\D)(\d+) @\d+\.\d{3}s \d+%", RegexOptions.Multiline).Select(m => long.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
        var cycles = File.ReadLines(events).Where(l => l.StartsWith("{\"kind\":\"gc\"", StringComparison.Ordinal)).ToList();
        var unrecognized = File.ReadLines(events).Where(l => l.StartsWith("{\"kind\":\"unrecognized\"", StringComparison.Ordinal)).ToList();
        highest.Should().BeGreaterThan(0);
        // No cycle is lost silently: each is parsed, or (a split too ambiguous to repair, or a line cut off when the program
        // exits) passed through and counted as unrecognized; and that stays rare.
        (cycles.Count + unrecognized.Count).Should().Be((int)highest, "no cycle is lost; unrecognized: " + string.Join("\n", unrecognized));
        unrecognized.Count.Should().BeLessThanOrEqualTo(Math.Max(1, cycles.Count / 500), string.Join("\n", unrecognized));

        if (program == "steady")
        {
            // No other writer splits lines here, so the expected passthrough is the input minus whole trace lines.
            var expected = string.Concat(input.Split('\n').SkipLast(1).Where(l => !TraceLine.IsMatch(l)).Select(l => l + "\n"));
            result.Stdout.Should().Be(expected);
        }
        else
        {
            result.Stdout.Split('\n').Should().NotContain(l => TraceLine.IsMatch(l));
            result.Stdout.Length.Should().BeLessThan(input.Length);
        }
        result.Stderr.Should().Contain("GC cycles");
    }

    [Fact]
    public void Pipe_SlowProducer_LinesPassThroughPromptly()
    {
        var exe = GoPrograms.Path_("slow");
        var psi = new ProcessStartInfo("bash", ["-c", $"GODEBUG=gctrace=1 '{exe}' -duration 4s 2>&1 | {CliProcess.Command("--status always")}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var clock = Stopwatch.StartNew();
        var arrivals = new List<(TimeSpan At, string Line)>();
        while (p.StandardOutput.ReadLine() is { } line) arrivals.Add((clock.Elapsed, line));
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();

        var numbered = arrivals.Where(a => a.Line.StartsWith("slow: line ", StringComparison.Ordinal)).ToList();
        numbered.Should().HaveCountGreaterThan(10, stderr);
        // The producer writes one line every 200 ms for 4 s: if we buffered, they would all arrive together at the end.
        var spread = numbered[^1].At - numbered[0].At;
        spread.Should().BeGreaterThan(TimeSpan.FromSeconds(2), "lines must reach stdout as they are produced, not when the input ends");
        stderr.Should().Contain("GC cycles");

        // The live status line was redrawn while the trace streamed: several distinct cycle counts, rising.
        var counts = Regex.Matches(stderr, @"\rgctrace-pipe: (\d+) cycles").Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        counts.Should().HaveCountGreaterThan(2).And.BeInAscendingOrder();
    }

    [Fact]
    public void Pipe_SplitGcLineWhoseRestNeverComes_DoesNotHoldAppLinesBack()
    {
        // The first line starts a gc line that a logger wrote into; its remainder comes only once the first line has
        // reached our end of the pipe (the test creates the signal file), or after 30 s with a "gave up" line first.
        // The application's line must not wait for the remainder; no clock is involved.
        var signal = Path.Combine(Directory.CreateTempSubdirectory("gctrace-split-").FullName, "first-line-arrived");
        var script = "printf 'gc 65 @0.201[logger-1] request 132 handled\\n'; "
            + $"for i in $(seq 300); do [ -e '{signal}' ] && break; sleep 0.1; done; [ -e '{signal}' ] || echo 'gave up waiting'; "
            + "printf 's 7%%: 0.98+0.41+0.002 ms clock, 1.9+0/0.36/0+0.005 ms cpu, 1->1->0 MB, 1 MB goal, 0 MB stacks, 0 MB globals, 2 P\\n'";
        var psi = new ProcessStartInfo("bash", ["-c", $"({script}) | {CliProcess.Command("--status never")}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var lines = new List<string>();
        var first = p.StandardOutput.ReadLine();
        File.Create(signal).Dispose();
        if (first is not null) lines.Add(first);
        while (p.StandardOutput.ReadLine() is { } line) lines.Add(line);
        p.StandardError.ReadToEnd();
        p.WaitForExit();

        lines.Should().NotContain("gave up waiting", "the first line must be passed on before the rest comes");
        lines.Should().HaveCount(2);
        lines[0].Should().Be("gc 65 @0.201[logger-1] request 132 handled");
    }
}
