// CI gates: every number carries its unit, a bare one is refused with the accepted units, and every condition that holds
// is printed with what was measured (compared with the run's own --json, not with copied numbers).
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class GateUnitsTests
{
    private static string Log => Path.Combine(RepoPaths.Corpus, "go1.19", "leak_global_map", "combined.log");

    [Theory]
    [InlineData("--fail-on 'gc_cpu>15'", "--fail-on 'gc_cpu>15': '15' needs a unit, one of %")]
    [InlineData("--fail-on 'stw.p99>1'", "--fail-on 'stw.p99>1': '1' needs a unit, one of us, µs, ms, s, min, m, h")]
    [InlineData("--fail-on 'live_mb>100'", "needs a unit, one of MB, MiB, GB, GiB, KB, KiB")]
    [InlineData("--fail-on 'live_slope>1'", "needs a unit, one of MB/min, MiB/min")]
    [InlineData("--fail-on 'gc_per_s>2'", "needs a unit, one of /s, /min, /h")]
    [InlineData("--min-stw 1", "--min-stw: '1' needs a unit, one of us, µs, ms, s")]
    [InlineData("--interval 30", "--interval: '30' needs a unit")]
    [InlineData("--fail-on 'gc_cpu>15ms'", "unit 'ms' does not fit; use one of %")]
    public void BareOrWrongUnit_RefusedInOneLineListingTheUnits(string args, string message)
    {
        var r = CliProcess.Run($"'{Log}' {args}");

        r.ExitCode.Should().Be(2, r.Stderr);
        r.Stderr.TrimEnd('\n').Split('\n').Should().ContainSingle().Which.Should().Contain(message);
    }

    [Fact]
    public void SeveralConditionsHold_EachPrintedWithItsMeasuredValue()
    {
        var json = Path.Combine(Directory.CreateTempSubdirectory("gctrace-gate-").FullName, "s.json");

        var r = CliProcess.Run($"'{Log}' --json '{json}' --fail-on 'stw.p99>0.1ms' --fail-on 'gc_cpu>0.01%' --fail-on 'live_mb>=1MiB' --fail-on 'cycles>10' --fail-on 'stw.max>1s' --fail-on 'verdict=leak'");

        r.ExitCode.Should().Be(1, r.Stderr);
        var s = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        var held = r.Stderr.Split('\n').Where(l => l.StartsWith("gctrace-pipe: --fail-on ", StringComparison.Ordinal)).ToList();
        held.Should().Equal(
            $"gctrace-pipe: --fail-on stw.p99>0.1ms holds: stw.p99 = {s.GetProperty("stw_ms").GetProperty("p99").GetDecimal():0.###} ms",
            $"gctrace-pipe: --fail-on gc_cpu>0.01% holds: gc_cpu = {Math.Round(s.GetProperty("gc_cpu").GetProperty("fraction").GetDecimal() * 100, 3):0.###} %",
            $"gctrace-pipe: --fail-on live_mb>=1MiB holds: live_mb = {s.GetProperty("heap").GetProperty("live_mb_last").GetInt64()} MB",
            $"gctrace-pipe: --fail-on cycles>10 holds: cycles = {s.GetProperty("gc").GetProperty("cycles").GetInt64()}",
            $"gctrace-pipe: --fail-on verdict=leak holds: verdict = {s.GetProperty("verdict").GetProperty("kind").GetString()}");
    }

    [Theory]
    [InlineData("stw.p99>204us", 0)]
    [InlineData("stw.p99>203us", 1)]
    [InlineData("gc_cpu<1%", 1)]
    [InlineData("live_slope>1MB/h", 1)]
    [InlineData("live_slope>2MB/s", 0)]
    public void Units_ConvertedBeforeComparing(string condition, int exit)
    {
        // leak_global_map: p99 is 0.204 ms, GC CPU ~0.04%, the live heap grows ~64 MB/min.
        var r = CliProcess.Run($"'{Log}' --fail-on '{condition}'");

        r.ExitCode.Should().Be(exit, r.Stderr);
    }
}
