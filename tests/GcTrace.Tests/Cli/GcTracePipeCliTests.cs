// The built gctrace-pipe process on real fixtures: outputs, exit codes and one-line errors.
using System.IO.Compression;
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class GcTracePipeCliTests
{
    private static string Log(string run) => Path.Combine(RepoPaths.Corpus, "go1.19", run, "combined.log");

    [Fact]
    public void Run_File_WritesContractJsonAndReportAndExitsZero()
    {
        var r = CliProcess.Run($"'{Log("leak_global_map")}' --json -");

        r.ExitCode.Should().Be(0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("gc").GetProperty("cycles").GetInt64().Should().Be(31);
        doc.RootElement.GetProperty("input").GetProperty("lines").GetInt64().Should().Be(File.ReadAllLines(Log("leak_global_map")).Length);
        r.Stderr.Should().Contain("verdict").And.Contain("STW pause");
    }

    [Fact]
    public void Run_GzipInput_SameSummaryAsPlain()
    {
        var gz = Path.Combine(Directory.CreateTempSubdirectory("gctrace-gz-").FullName, "steady.log.gz");
        using (var f = File.Create(gz))
        using (var z = new GZipStream(f, CompressionLevel.Fastest))
            z.Write(File.ReadAllBytes(Log("steady")));

        var plain = CliProcess.Run($"'{Log("steady")}' --json -");
        var zipped = CliProcess.Run($"'{gz}' --json -");

        zipped.ExitCode.Should().Be(0, zipped.Stderr);
        zipped.Stdout.Should().Be(plain.Stdout);
    }

    [Fact]
    public void Run_StdinWithPassthrough_AppLinesOnStdoutInOrder()
    {
        var input = File.ReadAllText(Log("steady"));
        var r = CliProcess.Run("", stdin: input);

        var expected = string.Concat(input.Split('\n').SkipLast(1).Where(l => !l.StartsWith("gc ", StringComparison.Ordinal)).Select(l => l + "\n"));
        r.Stdout.Should().Be(expected);
        CliProcess.Run("--no-passthrough", stdin: input).Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("verdict=leak", 1)]
    [InlineData("verdict=healthy", 0)]
    [InlineData("stw.p99>0.1ms", 1)]
    [InlineData("stw.p99>5ms", 0)]
    [InlineData("live_slope>1MB/min", 1)]
    public void FailOn_Condition_ExitCodeAndNamedOnStderr(string condition, int exit)
    {
        var r = CliProcess.Run($"'{Log("leak_global_map")}' --fail-on '{condition}'");

        r.ExitCode.Should().Be(exit, r.Stderr);
        if (exit == 1) r.Stderr.Should().Contain($"--fail-on {condition} holds: ");
    }

    [Theory]
    [InlineData("missing-file.log", "missing-file.log: no such file")]
    [InlineData("--fail-on 'stw.p99>5parsecs' -", "unit 'parsecs'")]
    [InlineData("--png-size 12x", "--png-size")]
    [InlineData("--min-stw fast -", "--min-stw")]
    [InlineData("--csv -", "--csv needs a file path")]
    public void Run_BadInput_OneLineErrorExitTwo(string args, string message)
    {
        var r = CliProcess.Run(args, stdin: "");

        r.ExitCode.Should().Be(2);
        r.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("gctrace-pipe: ").And.Contain(message);
    }

    [Fact]
    public void Run_TruncatedGzip_NamesTheFileExitTwo()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-gz-").FullName;
        var full = Path.Combine(dir, "full.gz");
        using (var f = File.Create(full))
        using (var z = new GZipStream(f, CompressionLevel.Fastest))
            z.Write(File.ReadAllBytes(Log("pressure_noleak")));
        var bytes = File.ReadAllBytes(full);
        var cut = Path.Combine(dir, "cut.log.gz");
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);

        var r = CliProcess.Run($"'{cut}'");

        r.ExitCode.Should().Be(2);
        r.Stderr.Should().Contain("cut.log.gz").And.NotContain("   at ");
    }

    [Fact]
    public void Run_CsvOnFullDisk_ClearErrorExitThree()
    {
        var r = CliProcess.Run($"'{Log("pressure_noleak")}' --csv /dev/full");

        r.ExitCode.Should().Be(3, "an output failed (the contract's code for it); the report is still printed");
        r.Stderr.Should().Contain("GC cycles");
        r.Stderr.Should().Contain("gctrace-pipe: --csv").And.Contain("--csv /dev/full: no space left on the device").And.NotContain("   at ");
    }

    [Fact]
    public void Run_RandomBytesAndHugeLine_EveryLineCountedNoCrash()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-bad-").FullName;
        var path = Path.Combine(dir, "bad.log");
        var random = new byte[3 << 20];
        new Random(7).NextBytes(random);
        using (var f = File.Create(path))
        {
            f.Write(random);
            f.Write("\n"u8);
            f.Write(System.Text.Encoding.ASCII.GetBytes(new string('x', 20 << 20) + "\n"));
            f.Write(File.ReadAllBytes(Log("steady")));
        }
        var bytes = File.ReadAllBytes(path);
        var lines = bytes.Count(b => b == (byte)'\n');

        var r = CliProcess.Run($"'{path}' --json -");

        r.ExitCode.Should().Be(0, r.Stderr);
        var input = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("input");
        input.GetProperty("lines").GetInt64().Should().Be(lines);
        (input.GetProperty("gc_lines").GetInt64() + input.GetProperty("app_lines").GetInt64() + input.GetProperty("other_trace_lines").GetInt64()
            + input.GetProperty("unrecognized_gc_lines").GetInt64()).Should().Be(lines);
        input.GetProperty("gc_lines").GetInt64().Should().Be(54);
    }

    [Fact]
    public void Run_GarbageOrTruncatedProfile_ErrorNamesTheFileExitTwo()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-prof-").FullName;
        var garbage = Path.Combine(dir, "garbage.pb.gz");
        File.WriteAllBytes(garbage, [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var real = File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "heap-007.pb.gz"));
        var truncated = Path.Combine(dir, "truncated.pb.gz");
        File.WriteAllBytes(truncated, real[..(real.Length / 2)]);

        foreach (var bad in new[] { garbage, truncated })
        {
            var r = CliProcess.Run($"'{Log("leak_global_map")}' --heap-profile '{bad}'");

            r.ExitCode.Should().Be(2);
            r.Stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith($"gctrace-pipe: --heap-profile {bad}: ");
        }
    }

    [Fact]
    public void Run_WithHeapAndGoroutineProfiles_LeakNamesTheSite()
    {
        var run = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map");
        var heaps = string.Join(' ', Directory.GetFiles(run, "heap-*.pb.gz").Select(f => $"'{f}'"));
        var goroutines = string.Join(' ', Directory.GetFiles(run, "goroutine-*.pb.gz").Select(f => $"'{f}'"));

        var r = CliProcess.Run($"'{Log("leak_global_map")}' --heap-profile {heaps} --goroutine-profile {goroutines} --json -");

        r.ExitCode.Should().Be(0, r.Stderr);
        var verdict = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("verdict");
        verdict.GetProperty("kind").GetString().Should().Be("leak");
        verdict.GetProperty("suspects")[0].GetProperty("function").GetString().Should().Be("main.cacheResult");
    }

    [Fact]
    public void Run_Interval_PrintsPeriodicSummaryLinesWhenNotATerminal()
    {
        // The input stays open 6 s: enough for two 1 s intervals even when start-up takes seconds on a loaded machine.
        var r = CliProcess.Shell($"(cat '{Log("steady")}'; sleep 6) | {CliProcess.Command("--interval 1s --no-passthrough")}");

        r.ExitCode.Should().Be(0, r.Stderr);
        // Not a terminal (a container's log): each line carries its UTC time, as a log line does.
        // (On a loaded machine the first line may come before the input is read: it counts, with fewer cycles.)
        var periodic = r.Stderr.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ gctrace-pipe: \d+ cycles?")).ToList();
        periodic.Should().HaveCountGreaterThanOrEqualTo(2, r.Stderr);
        periodic.Should().Contain(l => l.Contains("gctrace-pipe: 54 cycles, last pause", StringComparison.Ordinal), r.Stderr);
        r.Stderr.Should().NotContain("\r", "no terminal: no redrawn status line");
    }

    [Fact]
    public void Run_Csv_OpensInPandasWithOneRowPerCycle()
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory("gctrace-csv-").FullName, "cycles.csv");
        var log = Path.Combine(RepoPaths.Corpus, "go1.19", "edge_interleaved_writes", "combined.log");
        CliProcess.Run($"'{log}' --csv '{csv}'").ExitCode.Should().Be(0);
        // Independent counts from the text: every cycle up to the highest gc N; those not on one whole line were split.
        var text = File.ReadAllText(log);
        var highest = System.Text.RegularExpressions.Regex.Matches(text, @"(?:^|\D)(\d+) @\d+\.\d{3}s \d+%", System.Text.RegularExpressions.RegexOptions.Multiline).Max(m => int.Parse(m.Groups[1].Value));
        var whole = System.Text.RegularExpressions.Regex.Matches(text, @"^gc \d+ @\d+\.\d{3}s \d+%.* P$", System.Text.RegularExpressions.RegexOptions.Multiline).Count;

        var r = CliProcess.Shell($"{Pandas.Python} -c \"import pandas as p; d = p.read_csv('{csv}'); print(len(d), list(d.columns)[:3], int(d.repaired.sum()))\"");

        r.ExitCode.Should().Be(0, r.Stderr);
        r.Stdout.Trim().Should().Be($"{highest} ['cycle', 'start_s', 'cpu_pct'] {highest - whole}");
    }

    [Fact]
    public void Run_ConcatenatedGzipMembers_ReadsAllWithoutATruncationError()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-gz-").FullName;
        var path = Path.Combine(dir, "two-members.log.gz");
        using (var f = File.Create(path))
        {
            foreach (var run in new[] { "steady", "pressure_noleak" })
            {
                using var z = new GZipStream(f, CompressionLevel.Fastest, leaveOpen: true);
                z.Write(File.ReadAllBytes(Log(run)));
            }
        }

        var r = CliProcess.Run($"'{path}' --json -");

        r.ExitCode.Should().Be(0, r.Stderr);
        var lines = File.ReadAllLines(Log("steady")).Length + File.ReadAllLines(Log("pressure_noleak")).Length;
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("input").GetProperty("lines").GetInt64().Should().Be(lines);
    }

    [Fact]
    public void Run_EmptyFile_ReportsNoCyclesExitZero()
    {
        var empty = Path.Combine(Directory.CreateTempSubdirectory("gctrace-empty-").FullName, "empty.log");
        File.WriteAllText(empty, "");

        var r = CliProcess.Run($"'{empty}' --json -");

        r.ExitCode.Should().Be(0, r.Stderr);
        JsonDocument.Parse(r.Stdout).RootElement.GetProperty("verdict").GetProperty("kind").GetString().Should().Be("inconclusive");
    }

    [Fact]
    public void Run_DownstreamClosesEarly_ExitsQuietly()
    {
        var r = CliProcess.Shell($"cat '{Path.Combine(RepoPaths.Corpus, "go1.19", "edge_interleaved_writes", "combined.log")}' | {CliProcess.Command("")} | head -1; echo \"rc=${{PIPESTATUS[1]}}\"");

        r.Stdout.Should().EndWith("rc=0\n");
        r.Stderr.Should().NotContain("Exception").And.NotContain("   at ");
    }

    [Fact]
    public void Run_Sigterm_DrainsAndWritesEveryOutput()
    {
        var dir = Directory.CreateTempSubdirectory("gctrace-sig-").FullName;
        var json = Path.Combine(dir, "s.json");
        // A producer that never ends: the trace, then silence. SIGTERM must still give the summary of what was read.
        var script = $"(cat '{Log("steady")}'; sleep 30) | {CliProcess.Command($"--json '{json}' --no-passthrough")} & pid=$!; sleep 3; kill -TERM $(pgrep -P $$ -f gctrace-pipe.dll | head -1) 2>/dev/null || pkill -TERM -f 'gctrace-pipe.dll --json {json}'; wait $pid; echo rc=$?";
        var r = CliProcess.Shell(script, timeout: TimeSpan.FromSeconds(60));

        r.Stdout.Should().Contain("rc=0");
        JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("gc").GetProperty("cycles").GetInt64().Should().Be(54);
        r.Stderr.Should().Contain("GC cycles");
    }
}
