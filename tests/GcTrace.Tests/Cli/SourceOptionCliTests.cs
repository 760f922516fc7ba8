// --source on the real CLI: a -trimpath run's suspects are quoted and read from fixtures/src; a missing DIR fails nothing.
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class SourceOptionCliTests
{
    private static string Args(string run)
    {
        var dir = Path.Combine(RepoPaths.Fixtures, "runs", run);
        return $"'{dir}/combined.log' --heap-profile '{dir}'/heap-0*.pb.gz --goroutine-profile '{dir}'/goroutine-0*.pb.gz";
    }

    [Fact]
    public void Run_WithSource_PrintsTheSiteLineItsCodeAndTheEvidence()
    {
        var r = CliProcess.Run($"{Args("src_map")} --source '{Path.Combine(RepoPaths.Fixtures, "src")}' --json -");

        r.ExitCode.Should().Be(0, r.Stderr);
        r.Stderr.Should().MatchRegex(@"suspect +main\.cacheResult  unbounded-map  \+[0-9.,]+ MB  main\.go:15  v := make\(\[\]byte, 8<<10\)");
        r.Stderr.Should().Contain("main.go:17 `cache[fmt.Sprintf(\"req-%d\", id)] = v` assigns into the package-level map `cache`, which nothing deletes from");
        using var json = JsonDocument.Parse(r.Stdout);
        var suspect = json.RootElement.GetProperty("verdict").GetProperty("suspects")[0];
        suspect.GetProperty("site").GetProperty("file").GetString().Should().Be("gcfixtures/src_map/main.go");
        suspect.GetProperty("site").GetProperty("line").GetInt64().Should().Be(15);
        suspect.GetProperty("path").EnumerateArray().Last().GetProperty("function").GetString().Should().Be("main.cacheResult");
    }

    [Fact]
    public void Run_WithAMissingSourceDir_StillSitesTheSuspect()
    {
        var r = CliProcess.Run($"{Args("src_ticker")} --source /no/such/dir --source /also/missing");

        r.ExitCode.Should().Be(0, r.Stderr);
        r.Stderr.Should().MatchRegex(@"suspect +main\.pollLoop  ticker-not-stopped  \+[0-9.,]+ MB  main\.go:19\n");
        r.Stderr.Should().Contain("gctrace-pipe: warning: --source /no/such/dir: no such directory; no code is read from it\n")
            .And.Contain("gctrace-pipe: warning: --source /also/missing: no such directory");
    }
}
