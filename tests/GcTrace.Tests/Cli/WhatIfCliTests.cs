// --what-if through the real CLI: the JSON block and report lines on a real sweep run, advice with gc-pressure,
// and a setting the runtime would not accept.
using System.Text.Json;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Cli;

public class WhatIfCliTests
{
    private static string Sweep(string program, string run) => Path.Combine(RepoPaths.Fixtures, "sweeps", program, run, "combined.log");

    [Fact]
    public void WhatIf_TwoSettings_OneJsonEntryEachInOrderAndAReportLineEach()
    {
        var r = CliProcess.Run($"'{Sweep("sweep_service", "gogc-100")}' --json - --what-if GOGC=200 --what-if GOGC=off,GOMEMLIMIT=24MiB");

        r.ExitCode.Should().Be(0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var entries = doc.RootElement.GetProperty("what_if").EnumerateArray().ToArray();
        entries.Select(e => e.GetProperty("setting").GetString()).Should().Equal("GOGC=200", "GOGC=off,GOMEMLIMIT=24MiB");
        entries[0].GetProperty("basis").GetString().Should().Be("estimate");
        entries[1].GetProperty("basis").GetString().Should().Be("bound");
        var measured = entries[0].GetProperty("measured");
        measured.GetProperty("gogc").GetDouble().Should().BeApproximately(100, 10);
        // Doubling GOGC at a fixed request rate about halves the GC rate of this program.
        (entries[0].GetProperty("gc_per_s").GetDouble() / measured.GetProperty("gc_per_s").GetDouble()).Should().BeInRange(0.4, 0.6);
        entries[0].GetProperty("peak_heap_mb").GetDouble().Should().BeGreaterThan(measured.GetProperty("peak_heap_mb").GetDouble());
        r.Stderr.Should().Contain("what if        GOGC=200: ").And.Contain("what if        GOGC=off,GOMEMLIMIT=24MiB: ");
    }

    [Fact]
    public void WhatIf_LeakingHeap_SaysWhyItDoesNotPredict()
    {
        var r = CliProcess.Run($"'{Path.Combine(RepoPaths.Fixtures, "runs", "leak_map", "combined.log")}' --json - --what-if GOGC=200");

        using var doc = JsonDocument.Parse(r.Stdout);
        var entry = doc.RootElement.GetProperty("what_if")[0];
        entry.GetProperty("gc_per_s").ValueKind.Should().Be(JsonValueKind.Null);
        entry.GetProperty("not_applicable").GetString().Should().Contain("not steady");
        r.Stderr.Should().Contain("what if        not predicted: the live heap is not steady");
    }

    [Fact]
    public void GcPressureVerdict_GetsAdviceWithoutAsking()
    {
        var r = CliProcess.Run($"'{Path.Combine(RepoPaths.Fixtures, "runs", "pressure", "combined.log")}' --json -");

        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("verdict").GetProperty("kind").GetString().Should().Be("gc-pressure");
        var advice = doc.RootElement.GetProperty("tuning_advice");
        advice.GetProperty("setting").GetString().Should().StartWith("GOGC=");
        advice.GetProperty("gc_cost_fraction_to").GetDouble().Should().BeLessThan(advice.GetProperty("gc_cost_fraction_from").GetDouble());
        advice.GetProperty("peak_heap_mb_to").GetDouble().Should().BeGreaterThan(advice.GetProperty("peak_heap_mb_from").GetDouble());
        r.Stderr.Should().Contain("advice         GOGC=");
    }

    [Fact]
    public void WhatIf_NoSuchSetting_OneLineExitTwo()
    {
        var r = CliProcess.Run($"'{Sweep("sweep_service", "gogc-100")}' --what-if GOGC=fast");

        r.ExitCode.Should().Be(2);
        r.Stderr.Trim().Should().Be("gctrace-pipe: --what-if 'GOGC=fast': GOGC takes a positive whole percent or off");
    }
}
