// Bad command lines get one plain line naming the option and what is wrong, exit 2, before any input is read.
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class PlainErrorTests
{
    private static string Log => Path.Combine(RepoPaths.Corpus, "go1.19", "steady", "combined.log");

    [Theory]
    [InlineData("'{tmp}'", "{tmp}: is a directory; give a log file")]
    [InlineData("'{log}' --forced maybe", "--forced 'maybe' is not one of all, only, exclude")]
    [InlineData("'{log}' --status sometimes", "--status 'sometimes' is not one of auto, always, never")]
    [InlineData("'{log}' --heap-profile '{tmp}'", "--heap-profile {tmp}: is a directory; give a profile file")]
    [InlineData("'{log}' --goroutine-profile '{log}'", "--goroutine-profile {log}: not a gzip, protobuf or known text profile")]
    [InlineData("'{log}' --json", "--json needs a value")]
    public void BadValue_OneLineNamingTheOptionExitTwo(string args, string message)
    {
        var tmp = Directory.CreateTempSubdirectory("gctrace-err-").FullName;
        string Fill(string s) => s.Replace("{tmp}", tmp, StringComparison.Ordinal).Replace("{log}", Log, StringComparison.Ordinal);

        var r = CliProcess.Run(Fill(args), stdin: "");

        r.ExitCode.Should().Be(2, r.Stderr);
        var line = r.Stderr.TrimEnd('\n').Split('\n').Should().ContainSingle().Subject;
        line.Should().StartWith("gctrace-pipe: ").And.Contain(Fill(message)).And.NotContain("GcTrace.").And.NotContain("Exception");
    }

    [Fact]
    public void NoGcLines_ReportSaysWhatToCheck()
    {
        var r = CliProcess.Run("--no-passthrough", stdin: "hello from the app\nno trace here\n");

        r.ExitCode.Should().Be(0, r.Stderr);
        r.Stderr.Should().Contain("GODEBUG=gctrace=1").And.Contain("2>&1");
    }

    [Fact]
    public void Help_ShowsExamplesOfEveryMainOptionAndTheExitCodes()
    {
        var r = CliProcess.Run("--help");

        r.ExitCode.Should().Be(0);
        r.Stdout.Should().Contain("--pprof http").And.Contain("--png charts").And.Contain("--html report.html")
            .And.Contain("--fail-on 'stw.p99>5ms'").And.Contain("Exit codes: 0").And.Contain("1 a --fail-on").And.Contain("2 usage").And.Contain("3 an output");
    }

    [Fact]
    public void Report_EveryNumberOfAUnitInOneFormat_AndMegabytesAsTheRuntimeSaysThem()
    {
        // leak_global_map with its profiles: pauses from 0.0x to 10 ms, percentages, heap sizes, rates and suspect growth.
        var run = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map");
        var r = CliProcess.Run($"'{run}/combined.log' --heap-profile '{run}'/heap-*.pb.gz");

        r.ExitCode.Should().Be(0, r.Stderr);
        var report = r.Stderr;
        System.Text.RegularExpressions.Regex.Matches(report, @"[\d.,]+ ms\b").Select(m => m.Value)
            .Should().NotBeEmpty().And.OnlyContain(v => System.Text.RegularExpressions.Regex.IsMatch(v, @"^\d{1,3}(,\d{3})*\.\d{3} ms$"));
        System.Text.RegularExpressions.Regex.Matches(report, @"[\d.,]+%").Select(m => m.Value)
            .Should().NotBeEmpty().And.OnlyContain(v => System.Text.RegularExpressions.Regex.IsMatch(v, @"^\d{1,3}(,\d{3})*(\.\d{2})?%$"));
        report.Should().Contain(" MB").And.NotContain("MiB").And.NotContain("KiB");
    }
}
