// Issue 11 item 10: a line with the shape of a trace line but values that cannot be represented (TraceLimits) is counted as
// unrecognized, passed through unchanged, and the run goes on; the same for the grammar, the fast paths and the CLI.
using System.Text;
using System.Text.Json;
using GcTrace.Events;
using GcTrace.Parsing;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class HugeValueTests
{
    private const string Tail = "0.015+0.88+0.024 ms clock, 0.12+0.11/1.5/0.31+0.19 ms cpu, 4->5->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P";

    /// <summary>One line of every kind with a value beyond its field's type (TraceLimits), the @ seconds and durations too.</summary>
    private static readonly string[] HugeTexts =
    [
        "gc 1 @99999999999999999999999.999s 2%: " + Tail,                  // @ beyond decimal arithmetic in the analyzers
        "gc 1 @1234567890123.000s 2%: " + Tail,                            // 13 whole digits: beyond TraceLimits
        "gc 9223372036854775808 @1.000s 2%: " + Tail,                      // cycle 2^63
        "gc 2 @1.000s 2%: " + Tail.Replace("4->5->2 MB", "1000000000000000000000000000000->5->2 MB", StringComparison.Ordinal), // 10^30 MB
        "gc 3 @1.000s 2%: " + Tail.Replace("8 P", "1099511627776 P", StringComparison.Ordinal), // 2^40 P
        "gc 4 @1.000s 4294967296%: " + Tail,                               // util beyond int
        "gc 5 @1.000s 2%: 18446744073709+0.88+0.024 ms clock, 0.12+0.11/1.5/0.31+0.19 ms cpu, 4->5->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P", // wrapped delta
        "gc 6 @1.000s 2%: 0.11+0.76+0.008+1.3+0.20 ms clock, 0.22+0.76+0+0.041/0.92/1.1+0.40 ms cpu, 4->4->1 MB, 5 MB goal, 1099511627776 P", // go1.5
        "scav 99999999999999999999 KiB work, 1592 KiB total, 98% util",
        "scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 2147483648% util",
        "scvg99999999999: 12 MB released",
        "scvg0: inuse: 3, idle: 60, sys: 18446744073709551615, released: 60, consumed: 3 (MB)",
        "pacer: assist ratio=+1.013589e+000 (scan 18446744073709551615 MB in 3->4 MB) workers=1++0.000000e+000",
        "pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 18446744073709551615 B (\u2206goal 442368, cons/mark 0.5)",
        "pacer: sweep done at heap size 4MB; allocated 17592186044415MB during sweep; swept 18446744073709551615 pages at 1e-05 pages/byte",
        "SCHED 1008ms: gomaxprocs=1099511627776 idleprocs=0 threads=7 spinningthreads=0 idlethreads=1 runqueue=0 [0 1]",
        "SCHED 1008ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 idlethreads=1 runqueue=0 [0 99999999999999999999]",
        "scan: total 77+224+4243=99999999999999999999 objs, 32+86=118 spans",
        "scan: class 16B 99999999999999999999 objs",
    ];

    public static TheoryData<string> HugeLines() => new(HugeTexts);

    [Theory]
    [MemberData(nameof(HugeLines))]
    public void Parsers_HugeValue_AllDeclineAndLineIsUnrepresentable(string text)
    {
        var line = Encoding.UTF8.GetBytes(text);

        TraceGrammar.TryParse(text, 1).Should().BeNull();
        FastGcLineParser.TryParse(line, 1).Should().BeNull();
        FastTraceLineParser.TryParse(line, 1).Should().BeNull();
        TraceLineParser.TryParse(line, 1).Should().BeNull();
        TraceLineParser.IsUnrepresentable(line).Should().BeTrue();
        TraceLineParser.IsUnrepresentable(Encoding.UTF8.GetBytes("2026-11-26T14:31:55.026Z stderr F " + text)).Should().BeTrue("after a prefix too");
    }

    [Theory]
    [InlineData("gc tuning done")]
    [InlineData("scav 12 pages")]
    [InlineData("SCHED 99999999999999999999ms for the nightly job")]
    [InlineData("request 99999999999999999999 handled")]
    public void IsUnrepresentable_AppLineWithMarkerOrBigNumber_False(string text) =>
        TraceLineParser.IsUnrepresentable(Encoding.UTF8.GetBytes(text)).Should().BeFalse();

    [Theory]
    [MemberData(nameof(HugeLines))]
    public void Scan_HugeValueBetweenRealLines_UnrecognizedPassedThroughAndRunGoesOn(string text)
    {
        var real = RealLines();
        var input = string.Join('\n', [real[0], "app before", text, "app after", .. real[1..]]) + "\n";

        var (output, scanner) = CollectingOutput.Scan(Encoding.UTF8.GetBytes(input));

        output.Events.OfType<UnrecognizedLine>().Should().ContainSingle().Which.Should().Be(new UnrecognizedLine(3, text));
        Encoding.UTF8.GetString(output.AppBytes).Should().Be("app before\n" + text + "\napp after\n");
        output.AppLines.Should().Be(2, "the unrecognized line is counted once, as unrecognized");
        output.Events.Where(e => e is not UnrecognizedLine).Should().HaveCount(real.Length, "every real line after it is still parsed");
        scanner.Lines.Should().Be(real.Length + 3);
    }

    [Fact]
    public void Cli_HugeValuesInRealLog_ReportsUnrecognizedAndFinishes()
    {
        var log = File.ReadAllLines(Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log"));
        var huge = HugeTexts;
        var mixed = log.Take(log.Length / 2).Concat(huge).Concat(log.Skip(log.Length / 2)).ToArray();
        var file = Path.Combine(Path.GetTempPath(), $"gctrace-huge-{Environment.ProcessId}.log");
        File.WriteAllLines(file, mixed);
        try
        {
            var r = CliProcess.Run($"'{file}' --json -", timeout: TimeSpan.FromSeconds(60));

            r.ExitCode.Should().Be(0, r.Stderr);
            r.Stderr.Should().NotContain("Value was either too large");
            var input = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("input");
            input.GetProperty("unrecognized_gc_lines").GetInt64().Should().Be(huge.Length);
            input.GetProperty("gc_lines").GetInt64().Should().Be(log.Count(l => l.StartsWith("gc ", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Whole trace lines of several kinds from a real run, as the runtime printed them.
    private static string[] RealLines() =>
        File.ReadLines(Path.Combine(RepoPaths.Corpus, "go1.19", "edge_gcpacertrace", "combined.log"))
            .Where(l => TraceLineParser.TryParse(Encoding.UTF8.GetBytes(l), 1) is not null)
            .Take(12)
            .ToArray();
}
