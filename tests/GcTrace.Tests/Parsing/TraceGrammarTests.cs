// Every line template and example of docs/gctrace-format.md (§1.4, §2, §3), parsed by the grammar of record, field by field.
using System.Globalization;
using System.Text;
using GcTrace.Events;
using GcTrace.Parsing;

namespace GcTrace.Tests.Parsing;

public class TraceGrammarTests
{
    private static string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    // The printed ms/s fields of a cycle in print order (go1.6+ layout), as text, so that scale (0.20 vs 0.2) is checked too.
    private static string[] Times(GcCycle c) =>
    [
        S(c.StartS), S(c.StwSweepTermMs), S(c.MarkMs), S(c.StwMarkTermMs),
        S(c.CpuStwSweepTermMs), S(c.CpuAssistMs), S(c.CpuBackgroundMs), S(c.CpuIdleMs), S(c.CpuStwMarkTermMs),
    ];

    private static GcCycle Gc(string text)
    {
        var e = TraceGrammar.TryParse(text, 7);
        e.Should().BeOfType<GcCycle>(text);
        return (GcCycle)e!;
    }

    private static T Parse<T>(string text) where T : TraceEvent
    {
        var e = TraceGrammar.TryParse(text, 7);
        e.Should().BeOfType<T>(text);
        e!.Line.Should().Be(7);
        return (T)e;
    }

    // ---- gc lines -----------------------------------------------------------------------------------------------

    [Fact]
    public void TryParse_Go15Example_AllSevenCpuAndFiveClockFields()
    {
        var c = Gc("gc 1 @0.017s 2%: 0.11+0.76+0.008+1.3+0.20 ms clock, 0.22+0.76+0+0.041/0.92/1.1+0.40 ms cpu, 4->4->1 MB, 5 MB goal, 2 P");

        c.Should().Be(new GcCycle(7, GcFormat.Go15, 1, 0.017m, 2, false, 0.11m, 1.3m, 0.20m, 0.22m, 0.041m, 0.92m, 1.1m, 0.40m,
            4, 4, 1, 5, null, null, 2, false)
        { RootScanMs = 0.76m, InstallWriteBarrierMs = 0.008m, CpuRootScanMs = 0.76m, CpuInstallWriteBarrierMs = 0m });
        Times(c).Should().Equal("0.017", "0.11", "1.3", "0.20", "0.22", "0.041", "0.92", "1.1", "0.40");
        S(c.RootScanMs!.Value).Should().Be("0.76");
        S(c.InstallWriteBarrierMs!.Value).Should().Be("0.008");
        S(c.CpuInstallWriteBarrierMs!.Value).Should().Be("0");
        c.Repaired.Should().BeFalse();
    }

    [Fact]
    public void TryParse_Go15Forced_Forced()
    {
        var c = Gc("gc 9 @1.500s 0%: 0.011+0+0+0+2.3 ms clock, 0.022+0+0+0/0/0+4.6 ms cpu, 4->4->1 MB, 4 MB goal, 2 P (forced)");

        c.Format.Should().Be(GcFormat.Go15);
        c.Forced.Should().BeTrue();
        c.Number.Should().Be(9);
        Times(c).Should().Equal("1.500", "0.011", "0", "2.3", "0.022", "0", "0", "0", "4.6");
    }

    // One case per era and flag (go1.6-1.17, go1.18+, go1.26 leak checks), from the spec's examples: the whole record, and
    // the printed digits of every time field in print order.
    public static TheoryData<string, GcCycle, string[]> GcExamples() => new()
    {
        {
            "gc 4 @0.321s 1%: 0.019+2.4+0.064 ms clock, 0.077+0.35/2.1/4.6+0.25 ms cpu, 8->9->4 MB, 9 MB goal, 4 P",
            new GcCycle(7, GcFormat.Go16, 4, 0.321m, 1, false, 0.019m, 2.4m, 0.064m, 0.077m, 0.35m, 2.1m, 4.6m, 0.25m, 8, 9, 4, 9, null, null, 4, false),
            ["0.321", "0.019", "2.4", "0.064", "0.077", "0.35", "2.1", "4.6", "0.25"]
        },
        {
            "gc 7 @3.004s 0%: 0.012+0+1.9 ms clock, 0.048+0/0/0+7.6 ms cpu, 5->5->2 MB, 5 MB goal, 4 P (forced)",
            new GcCycle(7, GcFormat.Go16, 7, 3.004m, 0, false, 0.012m, 0m, 1.9m, 0.048m, 0m, 0m, 0m, 7.6m, 5, 5, 2, 5, null, null, 4, true),
            ["3.004", "0.012", "0", "1.9", "0.048", "0", "0", "0", "7.6"]
        },
        {
            "gc 87 @12.503s 4%: 0.092+18+0.11 ms clock, 0.73+4.2/35/61+0.91 ms cpu, 412->438->221 MB, 442 MB goal, 1 MB stacks, 0 MB globals, 8 P",
            new GcCycle(7, GcFormat.Go118, 87, 12.503m, 4, false, 0.092m, 18m, 0.11m, 0.73m, 4.2m, 35m, 61m, 0.91m, 412, 438, 221, 442, 1, 0, 8, false),
            ["12.503", "0.092", "18", "0.11", "0.73", "4.2", "35", "61", "0.91"]
        },
        {
            "gc 3 @0.045s 2%: 0.015+0.88+0.024 ms clock, 0.12+0.11/1.5/0.31+0.19 ms cpu, 4->5->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 8 P",
            new GcCycle(7, GcFormat.Go118, 3, 0.045m, 2, false, 0.015m, 0.88m, 0.024m, 0.12m, 0.11m, 1.5m, 0.31m, 0.19m, 4, 5, 2, 5, 0, 0, 8, false),
            ["0.045", "0.015", "0.88", "0.024", "0.12", "0.11", "1.5", "0.31", "0.19"]
        },
        {
            "gc 12 @60.002s 0%: 0.021+1.1+0.030 ms clock, 0.17+0/1.9/3.2+0.24 ms cpu, 3->3->1 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)",
            new GcCycle(7, GcFormat.Go118, 12, 60.002m, 0, false, 0.021m, 1.1m, 0.030m, 0.17m, 0m, 1.9m, 3.2m, 0.24m, 3, 3, 1, 4, 0, 0, 8, true),
            ["60.002", "0.021", "1.1", "0.030", "0.17", "0", "1.9", "3.2", "0.24"]
        },
        {
            "gc 15 @8.210s 1% (checking for goroutine leaks): 0.031+1.4+0.052 ms clock, 0.25+0.08/2.0/1.1+0.41 ms cpu, 6->6->3 MB, 7 MB goal, 0 MB stacks, 0 MB globals, 8 P (forced)",
            new GcCycle(7, GcFormat.Go118, 15, 8.210m, 1, true, 0.031m, 1.4m, 0.052m, 0.25m, 0.08m, 2.0m, 1.1m, 0.41m, 6, 6, 3, 7, 0, 0, 8, true),
            ["8.210", "0.031", "1.4", "0.052", "0.25", "0.08", "2.0", "1.1", "0.41"]
        },
    };

    [Theory]
    [MemberData(nameof(GcExamples))]
    public void TryParse_GcExample_EveryFieldWithItsPrintedDigits(string text, GcCycle expected, string[] times)
    {
        var c = Gc(text);

        c.Should().Be(expected);
        Times(c).Should().Equal(times);
        c.RootScanMs.Should().BeNull("go1.6+ lines have no go1.5 phases");
    }

    [Fact]
    public void TryParse_Go126LeakCheckWithoutForced_LeakCheckOnly()
    {
        var c = Gc("gc 15 @8.210s 1% (checking for goroutine leaks): 0.031+1.4+0.052 ms clock, 0.25+0.08/2.0/1.1+0.41 ms cpu, 6->6->3 MB, 7 MB goal, 0 MB stacks, 0 MB globals, 8 P");

        c.LeakCheck.Should().BeTrue();
        c.Forced.Should().BeFalse();
    }

    [Fact]
    public void TryParse_Go16WithLeakCheckText_Parses()
    {
        // The grammar accepts the leak-check text in every go1.6+ shape (the runtime only prints it in 1.26+); no era is rejected for it.
        var c = Gc("gc 2 @0.100s 1% (checking for goroutine leaks): 0.01+1.0+0.02 ms clock, 0.02+0/1.0/0+0.04 ms cpu, 4->4->2 MB, 5 MB goal, 2 P");
        c.Format.Should().Be(GcFormat.Go16);
        c.LeakCheck.Should().BeTrue();
    }

    [Fact]
    public void TryParse_WrappedMsValue_NotRepresentedNull()
    {
        // A negative delta wraps to a huge uint64 (gctrace-format.md §1.2); it is no duration, and beyond TraceLimits.MaxMsWholeDigits.
        var text = "gc 5 @1.000s 3%: 18446744073709551615+1.2+0.050 ms clock, 0.10+0/1.0/0+0.10 ms cpu, 4->4->2 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 2 P";

        TraceGrammar.TryParse(text, 1).Should().BeNull();
        TraceLineParser.IsUnrepresentable(Encoding.ASCII.GetBytes(text)).Should().BeTrue();
    }

    [Fact]
    public void TryParse_MsValueAtLimit_BothPathsKeepAllDigits()
    {
        var text = "gc 5 @999999999999.999s 3%: 0.010+999999999999.999+0.050 ms clock, 0.10+0/1.0/0+0.10 ms cpu, 4->4->2 MB, 5 MB goal, 2 P";
        var bytes = Encoding.ASCII.GetBytes(text);

        var c = TraceLineParser.TryParse(bytes, 1).Should().BeOfType<GcCycle>().Subject;
        S(c.MarkMs).Should().Be("999999999999.999");
        S(c.StartS).Should().Be("999999999999.999");
        FastGcLineParser.TryParse(bytes, 1).Should().Be(TraceGrammar.TryParse(text, 1));
        TraceGrammar.TryParse(text.Replace("+999999999999.999+", "+1000000000000+", StringComparison.Ordinal), 1).Should().BeNull();
    }

    [Theory]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76+0 ms cpu, 4->4->1 MB, 5 MB goal, 2 P")] // mixed eras
    [InlineData("gc 1 @0.01s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 2 P")] // 2 decimals in @
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 2 P extra")]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 2 P (forced) x")]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 2 P (checking for goroutine leaks)")]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 1 MB stacks, 2 P")]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB")]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 99999999999 P")]
    [InlineData("gc -1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 4->4->1 MB, 5 MB goal, 2 P")]
    [InlineData("gc 1 @0.017s 2%: 0.11+0.76+0.008 ms clock, 0.22+0.76/0.1/0.2+0.3 ms cpu, 99999999999999999999->4->1 MB, 5 MB goal, 2 P")]
    [InlineData("gc is running")]
    [InlineData("gc ")]
    [InlineData("")]
    [InlineData("g")]
    public void TryParse_MalformedGcLine_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    [Fact]
    public void TryParse_CrLfLineEnd_GrammarAcceptsAndLineParserTrims()
    {
        const string line = "gc 4 @0.321s 1%: 0.019+2.4+0.064 ms clock, 0.077+0.35/2.1/4.6+0.25 ms cpu, 8->9->4 MB, 9 MB goal, 4 P";
        var expected = Gc(line);

        TraceGrammar.TryParse(line + "\r\n", 7).Should().Be(expected);
        TraceGrammar.TryParse(line + "\n", 7).Should().Be(expected);
        TraceLineParser.TryParse(Encoding.ASCII.GetBytes(line + "\r"), 7).Should().Be(expected);
        TraceLineParser.TryParse(Encoding.ASCII.GetBytes("GC forced\r"), 7).Should().Be(new GcForced(7));
        TraceLineParser.TryParse(Encoding.ASCII.GetBytes("scav 0 KiB work, 1592 KiB total, 98% util\r"), 7).Should().BeOfType<ScavEvent>();
    }

    // ---- prefixes and app lines (TraceLineParser) ---------------------------------------------------------------

    [Theory]
    [InlineData("2026-11-26T14:31:55.026Z stderr F ")]
    [InlineData("14:31:55 ")]
    [InlineData("2026/11/26 14:31:55 ")]
    [InlineData("\t")]
    [InlineData("app-7 | ")]
    public void TryParse_PrefixedGcLine_SameEventAsBareLine(string prefix)
    {
        const string line = "gc 1 @0.007s 2%: 0.039+0.67+0.017 ms clock, 0.078+0.099/0.14/0.46+0.035 ms cpu, 3->4->2 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P";
        var bare = TraceLineParser.TryParse(Encoding.ASCII.GetBytes(line), 3);

        bare.Should().Be(TraceGrammar.TryParse(line, 3));
        TraceLineParser.TryParse(Encoding.ASCII.GetBytes(prefix + line), 3).Should().Be(bare);
        TraceLineParser.TryParse(Encoding.ASCII.GetBytes(prefix + line + "\r"), 3).Should().Be(bare);
    }

    [Theory]
    [InlineData("2026-11-26T14:31:55.026Z stderr F scav 0 KiB work, 1592 KiB total, 98% util")]
    [InlineData("14:31:55 GC forced")]
    [InlineData("14:31:55 pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at +1.005123e-004 pages/byte")]
    [InlineData("14:31:55 SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 idlethreads=0 runqueue=0 [2 0]")]
    public void TryParse_PrefixedOtherLine_Parsed(string text) =>
        TraceLineParser.TryParse(Encoding.UTF8.GetBytes(text), 1).Should().NotBeNull();

    [Theory]
    [InlineData("running gc 5 times")]
    [InlineData("gc tuning: GOGC=100")]
    [InlineData("[app] gc 1 @ start of cycle")]
    [InlineData("debug: gc 1 @0.007s 2%: truncated")]
    [InlineData("xgc 1 @0.007s 2%: 0.039+0.67+0.017 ms clock, 0.078+0.099/0.14/0.46+0.035 ms cpu, 3->4->2 MB, 4 MB goal, 2 P")]
    [InlineData("the pacer: is fine")]
    [InlineData("GC forced by user")]
    [InlineData("SCHED is a word")]
    [InlineData("scavenger done")]
    [InlineData("scan: done")]
    public void TryParse_AppLineContainingMarker_Null(string text) =>
        TraceLineParser.TryParse(Encoding.UTF8.GetBytes(text), 1).Should().BeNull();

    // ---- GC forced ----------------------------------------------------------------------------------------------

    [Fact]
    public void TryParse_GcForced_Event() => Parse<GcForced>("GC forced").Should().Be(new GcForced(7));

    [Theory]
    [InlineData("GC forced ")]
    [InlineData("GC forcedx")]
    [InlineData("GC")]
    public void TryParse_GcForcedWithExtra_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    // ---- scvg (go1.5-1.13) --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("scvg0: 12 MB released", 0, false)]
    [InlineData("scvg17: 12 MB released", 17, false)]
    [InlineData("scvg-1: 12 MB released", -1, false)]
    [InlineData("scvg: 12 MB released", null, false)]
    [InlineData("forced scvg: 12 MB released", null, true)]
    public void TryParse_ScvgReleased_SequenceAndReleased(string text, int? seq, bool forced) =>
        Parse<ScvgEvent>(text).Should().Be(new ScvgEvent(7, seq, forced, 12, null, null, null, null, null));

    [Theory]
    [InlineData("scvg0: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)", 0, false)]
    [InlineData("scvg-1: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)", -1, false)]
    [InlineData("scvg: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)", null, false)]
    [InlineData("forced scvg: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)", null, true)]
    public void TryParse_ScvgInuse_AllFields(string text, int? seq, bool forced) =>
        Parse<ScvgEvent>(text).Should().Be(new ScvgEvent(7, seq, forced, null, 3, 60, 63, 60, 3));

    [Theory]
    [InlineData("scvg0: 12 MB")]
    [InlineData("scvg0: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3")]
    [InlineData("forced scvg0: 12 MB released")]
    [InlineData("scvgx: 12 MB released")]
    public void TryParse_ScvgMalformed_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    // ---- scav (go1.14+) -----------------------------------------------------------------------------------------

    [Fact]
    public void TryParse_ScavGo114_WorkTotalUtil() =>
        Parse<ScavEvent>("scav 0 KiB work, 1592 KiB total, 98% util").Should().Be(new ScavEvent(7, null, 0, null, null, 1592, 98, false, false));

    [Fact]
    public void TryParse_ScavGo114Forced_Forced() =>
        Parse<ScavEvent>("scav 64 KiB work, 1592 KiB total, 98% util (forced)").Should().Be(new ScavEvent(7, null, 64, null, null, 1592, 98, true, false));

    [Theory]
    [InlineData("scav 3 64 KiB work, 2048 KiB total, 50% util", false, false)]
    [InlineData("scav 3 64 KiB work, 2048 KiB total, 50% util (forced)", true, false)]
    [InlineData("scav 3 64 KiB work, 2048 KiB total, 50% util [controller reset]", false, true)]
    public void TryParse_ScavGo115WithGeneration_Generation(string text, bool forced, bool reset) =>
        Parse<ScavEvent>(text).Should().Be(new ScavEvent(7, 3, 64, null, null, 2048, 50, forced, reset));

    [Theory]
    [InlineData("scav 64 KiB work, 2048 KiB total, 50% util [controller reset]", false, true)]
    [InlineData("scav 64 KiB work, 2048 KiB total, 50% util (forced)", true, false)]
    public void TryParse_ScavGo119_NoGeneration(string text, bool forced, bool reset) =>
        Parse<ScavEvent>(text).Should().Be(new ScavEvent(7, null, 64, null, null, 2048, 50, forced, reset));

    [Theory]
    [InlineData("scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 87% util", false, false)]
    [InlineData("scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 87% util (forced)", true, false)]
    [InlineData("scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 87% util [controller reset]", false, true)]
    public void TryParse_ScavGo121_BgEagerNow(string text, bool forced, bool reset) =>
        Parse<ScavEvent>(text).Should().Be(new ScavEvent(7, null, null, 1024, 0, 5888, 87, forced, reset));

    [Theory]
    [InlineData("scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 87% util (forced) [controller reset]")]
    [InlineData("scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB total, 87% util")]
    [InlineData("scav 1 2 3 KiB work, 2048 KiB total, 50% util")]
    [InlineData("scav 64 KiB work, 2048 KiB total, 50%")]
    public void TryParse_ScavMalformed_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    // ---- pacer --------------------------------------------------------------------------------------------------

    [Fact]
    public void TryParse_PacerStartPrintfloat_DoublePlusWorkers()
    {
        var p = Parse<PacerEvent>("pacer: assist ratio=+1.301839e+000 (scan 0 MB in 3->4 MB) workers=0++2.500000e-001");

        p.Phase.Should().Be("start");
        p.Fields.Select(f => f.Key).Should().Equal("assist_ratio", "heap_scan_mb", "heap_live_mb", "heap_goal_mb", "dedicated_workers", "fractional_workers");
        p.Fields.Select(f => f.Value).Should().Equal(1.301839, 0, 3, 4, 0, 0.25);
        p.ControllerReset.Should().BeFalse();
    }

    [Fact]
    public void TryParse_PacerStartGo126_ShortestFloats()
    {
        var p = Parse<PacerEvent>("pacer: assist ratio=1.013589 (scan 0 MB in 3->4 MB) workers=1+0");

        p.Phase.Should().Be("start");
        p.Fields.Select(f => f.Value).Should().Equal(1.013589, 0, 3, 4, 1, 0);
        Parse<PacerEvent>("pacer: assist ratio=1e-05 (scan 12 MB in 30->40 MB) workers=2+0.25")["fractional_workers"].Should().Be(0.25);
        Parse<PacerEvent>("pacer: assist ratio=1e-05 (scan 12 MB in 30->40 MB) workers=2+0.25")["assist_ratio"].Should().Be(1e-05);
    }

    [Theory]
    [InlineData("pacer: assist ratio=+Inf (scan 0 MB in 3->4 MB) workers=0++2.500000e-001", double.PositiveInfinity)]
    [InlineData("pacer: assist ratio=NaN (scan 0 MB in 3->4 MB) workers=0++2.500000e-001", double.NaN)]
    [InlineData("pacer: assist ratio=-Inf (scan 0 MB in 3->4 MB) workers=0++2.500000e-001", double.NegativeInfinity)]
    public void TryParse_PacerStartSpecialFloats_Parsed(string text, double ratio) =>
        Parse<PacerEvent>(text)["assist_ratio"].Should().Be(ratio);

    [Fact]
    public void TryParse_PacerEndGo118_AllFieldsWithIncrementSign()
    {
        var p = Parse<PacerEvent>("pacer: 25% CPU (25 exp.) for 679432+3344+255952 B work (869848 B exp.) in 12239839 B -> 12269376 B (\u2206goal -1125824, cons/mark +4.427446e-001)");

        p.Phase.Should().Be("end");
        p.Fields.Select(f => f.Key).Should().Equal("cpu_pct", "expected_cpu_pct", "heap_scan_work_b", "stack_scan_work_b", "globals_scan_work_b",
            "expected_work_b", "trigger_b", "live_b", "goal_delta_b", "cons_mark");
        p.Fields.Select(f => f.Value).Should().Equal(25, 25, 679432, 3344, 255952, 869848, 12239839, 12269376, -1125824, 0.4427446);
        p.ControllerReset.Should().BeFalse();
    }

    [Fact]
    public void TryParse_PacerEndControllerReset_Flag()
    {
        var p = Parse<PacerEvent>("pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (\u2206goal 442368, cons/mark +0.000000e+000) [controller reset]");

        p.ControllerReset.Should().BeTrue();
        p["goal_delta_b"].Should().Be(442368);
        p["cons_mark"].Should().Be(0);
    }

    [Fact]
    public void TryParse_PacerEndGo126Float_Parsed() =>
        Parse<PacerEvent>("pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (\u2206goal 442368, cons/mark 0.4957623)")
            ["cons_mark"].Should().Be(0.4957623);

    [Fact]
    public void TryParse_PacerEndWithLegacyDelta_Null() =>
        // go1.18+ prints U+2206; U+0394 belongs only to the legacy name=value line.
        TraceGrammar.TryParse("pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (\u0394goal 442368, cons/mark +0.000000e+000)", 1)
            .Should().BeNull();

    [Fact]
    public void TryParse_PacerLegacyEnd_AllThirteenPairs()
    {
        var p = Parse<PacerEvent>("pacer: H_m_prev=4194304 h_t=+9.500000e-001 H_T=8178892 h_a=+1.003311e+000 H_a=8402176 h_g=+1.000000e+000 H_g=8388608 u_a=+2.500000e-001 u_g=+2.500000e-001 W_a=315912 goal\u0394=+0.000000e+000 actual\u0394=+5.331109e-002 u_a/u_g=+1.000000e+000");

        p.Phase.Should().Be("end");
        p.Fields.Select(f => f.Key).Should().Equal("heap_marked_prev_b", "trigger_ratio", "trigger_b", "actual_growth_ratio", "heap_actual_b",
            "goal_growth_ratio", "goal_b", "utilization_actual", "utilization_goal", "scan_work_b", "goal_delta", "actual_delta", "utilization_ratio");
        p.Fields.Select(f => f.Value).Should().Equal(4194304, 0.95, 8178892, 1.003311, 8402176, 1, 8388608, 0.25, 0.25, 315912, 0, 0.05331109, 1);
    }

    [Fact]
    public void TryParse_PacerLegacyEndThroughLineParserUtf8_Parsed()
    {
        var text = "pacer: H_m_prev=4194304 h_t=+9.500000e-001 goal\u0394=+0.000000e+000 actual\u0394=+5.331109e-002";
        TraceLineParser.TryParse(Encoding.UTF8.GetBytes(text), 2).Should().BeOfType<PacerEvent>()
            .Which["actual_delta"].Should().Be(0.05331109);
    }

    [Theory]
    [InlineData("pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at +1.005123e-004 pages/byte", 1.005123e-4)]
    [InlineData("pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at 0.0001005123 pages/byte", 1.005123e-4)]
    public void TryParse_PacerSweepDone_AllFields(string text, double rate)
    {
        var p = Parse<PacerEvent>(text);

        p.Phase.Should().Be("sweep-done");
        p.Fields.Select(f => f.Key).Should().Equal("heap_size_mb", "allocated_mb", "swept_pages", "pages_per_byte");
        p.Fields.Select(f => f.Value).Should().Equal(4, 0, 530, rate);
    }

    [Theory]
    [InlineData("pacer: unknown=+1.000000e+000")]
    [InlineData("pacer: assist ratio=+1.301839e+000 (scan 0 MB in 3->4 MB)")]
    [InlineData("pacer: sweep done at heap size 4MB")]
    public void TryParse_PacerMalformed_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    // ---- SCHED --------------------------------------------------------------------------------------------------

    [Fact]
    public void TryParse_SchedGo15_AllFields()
    {
        var s = Parse<SchedEvent>("SCHED 1008ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 idlethreads=1 runqueue=0 [0 1]");

        s.Should().BeEquivalentTo(new SchedEvent(7, 1008, 2, 0, 7, 0, null, 1, 0, [0, 1], null, null), o => o.ComparingByMembers<SchedEvent>());
    }

    [Fact]
    public void TryParse_SchedGo120_NeedSpinning()
    {
        var s = Parse<SchedEvent>("SCHED 2017ms: gomaxprocs=4 idleprocs=1 threads=8 spinningthreads=1 needspinning=1 idlethreads=2 runqueue=3 [0 1 2 3]");

        s.Should().BeEquivalentTo(new SchedEvent(7, 2017, 4, 1, 8, 1, 1, 2, 3, [0, 1, 2, 3], null, null), o => o.ComparingByMembers<SchedEvent>());
    }

    [Fact]
    public void TryParse_SchedGo125_SpacedQueuesAndSchedticks()
    {
        var s = Parse<SchedEvent>("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=0 needspinning=0 idlethreads=0 runqueue=0 [ 0 0 ] schedticks=[ 1 2 ]");

        s.Should().BeEquivalentTo(new SchedEvent(7, 0, 2, 0, 5, 0, 0, 0, 0, [0, 0], [1, 2], null), o => o.ComparingByMembers<SchedEvent>());
    }

    [Fact]
    public void TryParse_SchedDetail_DetailKept()
    {
        var s = Parse<SchedEvent>("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 needspinning=0 idlethreads=0 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false");

        s.Should().BeEquivalentTo(new SchedEvent(7, 0, 2, 0, 5, 1, 0, 0, 0, [], null, "gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false"), o => o.ComparingByMembers<SchedEvent>());
    }

    [Theory]
    [InlineData("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 idlethreads=0 runqueue=0")]
    [InlineData("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 idlethreads=0 runqueue=0 [0 0]")]
    [InlineData("SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 idlethreads=0 runqueue=0 [0 0] trailing")]
    public void TryParse_SchedMalformed_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    // ---- gctrace=2 scan lines -----------------------------------------------------------------------------------

    [Fact]
    public void TryParse_ScanTotalGreentea_AllParts() =>
        Parse<ScanEvent>("scan: total 77+224+4243=4544 objs, 32+86=118 spans").Should().Be(new ScanEvent(7, null, 77, 224, 4243, 4544, 32, 86, 118));

    [Fact]
    public void TryParse_ScanClassGreentea_SizeClass() =>
        Parse<ScanEvent>("scan: class 16B 5+65+0=70 objs, 7+0=7 spans").Should().Be(new ScanEvent(7, "16B", 5, 65, 0, 70, 7, 0, 7));

    [Fact]
    public void TryParse_ScanClassLarge_L() =>
        Parse<ScanEvent>("scan: class L 8+0+0=8 objs, 0+0=0 spans").Should().Be(new ScanEvent(7, "L", 8, 0, 0, 8, 0, 0, 0));

    [Fact]
    public void TryParse_ScanTotalNonGreentea_ObjectsOnly() =>
        Parse<ScanEvent>("scan: total 4544 objs").Should().Be(new ScanEvent(7, null, null, null, null, 4544, null, null, null));

    [Theory]
    [InlineData("scan: class 16B 70 objs", "16B")]
    [InlineData("scan: class L 3 objs", "L")]
    public void TryParse_ScanClassNonGreentea_ObjectsOnly(string text, string cls) =>
        Parse<ScanEvent>(text).Should().Be(new ScanEvent(7, cls, null, null, null, text.Contains("70") ? 70 : 3, null, null, null));

    [Theory]
    [InlineData("scan: class 16 70 objs")]
    [InlineData("scan: total 77+224=301 objs, 32+86=118 spans")]
    [InlineData("scan: total 4544")]
    public void TryParse_ScanMalformed_Null(string text) => TraceGrammar.TryParse(text, 1).Should().BeNull();

    [Fact]
    public void TryParse_LineNumber_Stamped()
    {
        TraceGrammar.TryParse("GC forced", 123456789012)!.Line.Should().Be(123456789012);
        TraceGrammar.TryParse("scan: total 4544 objs", 42)!.Line.Should().Be(42);
    }
}
