// The live status line and pass-through on one real terminal: a pseudo-terminal rendered by a terminal emulator (pyte).
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class StatusLinePtyTests
{
    // status_pty.py runs the CLI on a pty (stdout and stderr both the terminal, stdin a pipe), renders every byte the
    // terminal received with pyte and checks: every application line alone and whole on its screen row, in order; the
    // status drawn several times meanwhile (so the first check was exercised); never redrawn unchanged; the report shown.
    private static string Script => Path.Combine(RepoPaths.Root, "tests", "GcTrace.Tests", "Cli", "status_pty.py");

    private static string Cli => $"-- dotnet '{CliProcess.Dll}' --status always";

    [Fact]
    public void StatusOn_CorpusLogFedSlowly_EachAppLineWholeAtTheStartOfItsScreenRow()
    {
        var log = Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "combined.log");

        var r = CliProcess.Shell($"{Pandas.Python} '{Script}' --log '{log}' 0.04 {Cli}", timeout: TimeSpan.FromMinutes(3));

        r.ExitCode.Should().Be(0, r.Stdout + r.Stderr);
        r.Stdout.Should().Contain("21 application lines");
    }

    [Fact]
    public void StatusOn_RealGoProgramPiped_EachAppLineWholeAtTheStartOfItsScreenRow()
    {
        var exe = GoPrograms.Path_("steady");
        var program = $"GODEBUG=gctrace=1 GOMAXPROCS=2 '{exe}' -duration 4s";

        var r = CliProcess.Shell($"{Pandas.Python} '{Script}' --program \"{program}\" {Cli}", timeout: TimeSpan.FromMinutes(3));

        r.ExitCode.Should().Be(0, r.Stdout + r.Stderr);
        r.Stdout.Should().MatchRegex(@"[1-9]\d* application lines");
    }
}
