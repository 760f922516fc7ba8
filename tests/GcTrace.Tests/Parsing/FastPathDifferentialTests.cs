// Proves the span fast path equal to the grammar of record: on every real fixture line and on generated lines printed
// exactly as the runtime prints them (GoRuntimeFormat, gctrace-format.md §1.2).
using System.Globalization;
using System.Text;
using GcTrace.Events;
using GcTrace.Parsing;
using GcTrace.Tests.Support;

namespace GcTrace.Tests.Parsing;

public class FastPathDifferentialTests
{
    private const int Seed = 20261126;
    private const int GeneratedPerEra = 4000;

    private static string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    // Every decimal of a cycle as text: equal decimals with a different scale ("0.20" vs "0.2") must still fail.
    private static string?[] DecimalTexts(GcCycle c) =>
    [
        S(c.StartS), S(c.StwSweepTermMs), S(c.MarkMs), S(c.StwMarkTermMs), S(c.CpuStwSweepTermMs), S(c.CpuAssistMs),
        S(c.CpuBackgroundMs), S(c.CpuIdleMs), S(c.CpuStwMarkTermMs),
        c.RootScanMs is { } a ? S(a) : null, c.InstallWriteBarrierMs is { } b ? S(b) : null,
        c.CpuRootScanMs is { } d ? S(d) : null, c.CpuInstallWriteBarrierMs is { } e ? S(e) : null,
    ];

    private static void ShouldMatchGrammar(GcCycle fast, byte[] line)
    {
        var grammar = TraceGrammar.TryParse(TraceLineParser.Decode(line), fast.Line);
        var text = Encoding.Latin1.GetString(line);
        grammar.Should().BeOfType<GcCycle>("the fast path accepted {0}", text);
        fast.Should().Be(grammar, text);
        DecimalTexts(fast).Should().Equal(DecimalTexts((GcCycle)grammar!), text);
    }

    [Fact]
    public void TryParse_EveryFixtureLine_FastEqualsGrammarAndAcceptsAllModernGcLines()
    {
        long lines = 0, gcLines = 0, fastAccepted = 0, go15 = 0;
        foreach (var log in RepoPaths.AllLogs())
        {
            var bytes = File.ReadAllBytes(log);
            var n = 0L;
            foreach (var range in ((ReadOnlySpan<byte>)bytes).Split((byte)'\n'))
            {
                var line = TraceLineParser.TrimCarriageReturn(bytes.AsSpan()[range]).ToArray();
                lines++;
                n++;
                var fast = FastGcLineParser.TryParse(line, n);
                if (fast is not null)
                {
                    fastAccepted++;
                    ShouldMatchGrammar(fast, line);
                }
                if (TraceGrammar.TryParse(TraceLineParser.Decode(line), n) is GcCycle g)
                {
                    gcLines++;
                    if (g.Format == GcFormat.Go15) go15++;
                }
            }
        }

        lines.Should().BeGreaterThan(10_000);
        gcLines.Should().BeGreaterThan(500);
        // Every real gc line is go1.6+ with small numbers: the fast path must take them all, not just most.
        fastAccepted.Should().Be(gcLines - go15);
    }

    public static TheoryData<GcFormat, bool> Eras() => new()
    {
        { GcFormat.Go16, false },
        { GcFormat.Go118, false },
        { GcFormat.Go118, true }, // go1.26 with " (checking for goroutine leaks)"
        { GcFormat.Go15, false },
    };

    [Theory]
    [MemberData(nameof(Eras))]
    public void TryParse_GeneratedRuntimeLines_FastEqualsGrammarFieldByField(GcFormat era, bool leakEra)
    {
        var rng = new Random(Seed + (int)era * 10 + (leakEra ? 1 : 0));
        int fastAccepted = 0, unrepresentable = 0;
        for (var i = 0; i < GeneratedPerEra; i++)
        {
            var v = RandomValues(rng, era, leakEra);
            var text = GoRuntimeFormat.GcLine(era, v);
            var line = Encoding.ASCII.GetBytes(text);

            var grammar = TraceGrammar.TryParse(text, i + 1);
            var fast = FastGcLineParser.TryParse(line, i + 1);
            if (!IsRepresentable(text))
            {
                // A wrapped negative delta (or an absurd @): the line has the shape but not the values (TraceLimits).
                grammar.Should().BeNull(text);
                fast.Should().BeNull(text);
                TraceLineParser.IsUnrepresentable(line).Should().BeTrue(text);
                unrepresentable++;
                continue;
            }
            var cycle = grammar.Should().BeOfType<GcCycle>(text).Subject;
            ShouldEqualValues(cycle, era, v, text);

            if (era == GcFormat.Go15)
            {
                fast.Should().BeNull("the fast path declines go1.5 lines: {0}", text);
                continue;
            }
            fast.Should().NotBeNull(text);
            fastAccepted++;
            ShouldMatchGrammar(fast!, line);
            TraceLineParser.TryParse(line, i + 1).Should().Be(fast);
        }
        if (era != GcFormat.Go15) fastAccepted.Should().Be(GeneratedPerEra - unrepresentable);
        unrepresentable.Should().BeInRange(1, GeneratedPerEra / 2, "the generator prints wrapped deltas now and then");
    }

    // Every @ and ms value within TraceLimits: whole digits of each number that has a decimal point or ends in " ms".
    private static bool IsRepresentable(string gcLine)
    {
        var at = gcLine.IndexOf(" @", StringComparison.Ordinal) + 2;
        if (gcLine.IndexOf('.', at) - at > TraceLimits.MaxSecondsWholeDigits) return false;
        var times = gcLine[(gcLine.IndexOf(": ", StringComparison.Ordinal) + 2)..gcLine.IndexOf(" ms cpu", StringComparison.Ordinal)]
            .Replace(" ms clock,", "", StringComparison.Ordinal).Split(' ', '+', '/');
        return times.All(t => t.Split('.')[0].Length <= TraceLimits.MaxMsWholeDigits);
    }

    // The grammar's fields against the values the line was printed from: an oracle independent of both parsers.
    private static void ShouldEqualValues(GcCycle c, GcFormat era, GoRuntimeFormat.GcValues v, string text)
    {
        c.Format.Should().Be(era, text);
        c.Number.Should().Be(v.NumGc, text);
        S(c.StartS).Should().Be(GoRuntimeFormat.ItoaDiv(v.SinceInitNs / 1_000_000, 3), text);
        c.CpuPercent.Should().Be(v.Util, text);
        c.LeakCheck.Should().Be(v.LeakCheck, text);
        var ms = v.ClockNs.Concat(v.CpuNs).Select(GoRuntimeFormat.FmtNSAsMS).ToArray();
        string[] parsed = era == GcFormat.Go15
            ?
            [
                S(c.StwSweepTermMs), S(c.RootScanMs!.Value), S(c.InstallWriteBarrierMs!.Value), S(c.MarkMs), S(c.StwMarkTermMs),
                S(c.CpuStwSweepTermMs), S(c.CpuRootScanMs!.Value), S(c.CpuInstallWriteBarrierMs!.Value), S(c.CpuAssistMs),
                S(c.CpuBackgroundMs), S(c.CpuIdleMs), S(c.CpuStwMarkTermMs),
            ]
            :
            [
                S(c.StwSweepTermMs), S(c.MarkMs), S(c.StwMarkTermMs),
                S(c.CpuStwSweepTermMs), S(c.CpuAssistMs), S(c.CpuBackgroundMs), S(c.CpuIdleMs), S(c.CpuStwMarkTermMs),
            ];
        parsed.Should().Equal(ms, text);
        c.HeapStartMb.Should().Be((long)(v.Heap0 >> 20), text);
        c.HeapEndMb.Should().Be((long)(v.Heap1 >> 20), text);
        c.HeapLiveMb.Should().Be((long)(v.Heap2 >> 20), text);
        c.HeapGoalMb.Should().Be((long)(v.Goal >> 20), text);
        c.StacksMb.Should().Be(era == GcFormat.Go118 ? (long)(v.Stacks >> 20) : null, text);
        c.GlobalsMb.Should().Be(era == GcFormat.Go118 ? (long)(v.Globals >> 20) : null, text);
        c.Procs.Should().Be(v.MaxProcs, text);
        c.Forced.Should().Be(v.Forced, text);
    }

    private static GoRuntimeFormat.GcValues RandomValues(Random rng, GcFormat era, bool leakEra)
    {
        var clocks = era == GcFormat.Go15 ? 5 : 3;
        var cpus = era == GcFormat.Go15 ? 7 : 5;
        var leak = leakEra && rng.Next(3) > 0;
        return new GoRuntimeFormat.GcValues(
            NumGc: (uint)(rng.Next(4) == 0 ? rng.NextInt64(0, uint.MaxValue + 1L) : rng.Next(1, 100_000)),
            SinceInitNs: rng.Next(6) switch
            {
                0 => (ulong)rng.NextInt64(0, 1_000_000),               // "0.000"
                1 => (ulong)rng.NextInt64(0, 10_000_000_000),
                2 => (ulong)rng.NextInt64(0, long.MaxValue),           // years of uptime
                _ => (ulong)rng.NextInt64(0, 3_600_000_000_000),
            },
            Util: rng.Next(8) == 0 ? rng.Next(0, int.MaxValue) : rng.Next(0, 101),
            LeakCheck: leak,
            ClockNs: Enumerable.Range(0, clocks).Select(_ => RandomNs(rng)).ToArray(),
            CpuNs: Enumerable.Range(0, cpus).Select(_ => RandomNs(rng)).ToArray(),
            Heap0: RandomBytes(rng), Heap1: RandomBytes(rng), Heap2: RandomBytes(rng), Goal: RandomBytes(rng),
            Stacks: RandomBytes(rng), Globals: RandomBytes(rng),
            MaxProcs: rng.Next(5) == 0 ? rng.Next(1, int.MaxValue) : rng.Next(1, 257),
            Forced: leak || rng.Next(4) == 0);
    }

    // Every range of fmtNSAsMS (gctrace-format.md §1.2 table) and its edges; now and then a wrapped negative delta or a huge uint64,
    // which print beyond TraceLimits (not represented), and values just inside the limit.
    private static ulong RandomNs(Random rng) => rng.Next(48) switch
    {
        0 => ulong.MaxValue - (ulong)rng.NextInt64(0, 10_000_000_000), // a negative int64 delta as uint64
        1 => (ulong)rng.NextInt64(0, long.MaxValue) * 2 + (ulong)rng.Next(2),
        2 => (ulong)rng.NextInt64(0, 999_999_999_999) * 1_000_000,    // up to 12 whole ms digits
        < 6 => 0,
        < 10 => (ulong)rng.Next(0, 1000),
        < 14 => (ulong)rng.Next(1000, 100_000),
        < 18 => (ulong)rng.Next(100_000, 1_000_000),
        < 22 => (ulong)rng.Next(1_000_000, 10_000_000),
        < 26 => (ulong)rng.NextInt64(10_000_000, 100_000_000_000),
        < 30 => new ulong[] { 999, 1000, 99_999, 100_000, 999_999, 1_000_000, 9_999_999, 10_000_000, 10_999_999 }[rng.Next(9)],
        _ => (ulong)rng.NextInt64(0, 50_000_000),
    };

    private static ulong RandomBytes(Random rng) => rng.Next(10) switch
    {
        0 => (ulong)rng.Next(0, 1 << 20),                                 // "0 MB"
        1 => ulong.MaxValue - (ulong)rng.NextInt64(0, 1L << 40),
        2 => (ulong)rng.NextInt64(0, long.MaxValue),
        _ => (ulong)rng.NextInt64(0, 64L << 30),
    };

    [Theory]
    [InlineData(0UL, "0")]
    [InlineData(999UL, "0")]
    [InlineData(1000UL, "0.001")]
    [InlineData(4_000UL, "0.004")]
    [InlineData(99_999UL, "0.099")]
    [InlineData(100_000UL, "0.10")]
    [InlineData(450_000UL, "0.45")]
    [InlineData(999_999UL, "0.99")]
    [InlineData(1_000_000UL, "1.0")]
    [InlineData(4_567_000UL, "4.5")]
    [InlineData(9_999_999UL, "9.9")]
    [InlineData(10_000_000UL, "10")]
    [InlineData(4_567_890_123UL, "4567")]
    [InlineData(18_446_744_073_709_551_615UL, "18446744073709")]
    public void FmtNSAsMS_SpecTable_PrintsLikeRuntime(ulong ns, string expected) =>
        GoRuntimeFormat.FmtNSAsMS(ns).Should().Be(expected);

    [Theory]
    [InlineData(5UL, 3, "0.005")]
    [InlineData(12_503UL, 3, "12.503")]
    [InlineData(0UL, 3, "0.000")]
    [InlineData(123UL, 0, "123")]
    [InlineData(45UL, 1, "4.5")]
    public void ItoaDiv_Examples_PrintsLikeRuntime(ulong val, int dec, string expected) =>
        GoRuntimeFormat.ItoaDiv(val, dec).Should().Be(expected);

    // ---- every other trace line kind (FastTraceLineParser) -------------------------------------------------------

    private const int GeneratedPerKind = 3000;

    // The fast path's answer must be the grammar's event, or a decline.
    private static void ShouldMatchGrammarOrDecline(TraceEvent? fast, byte[] line, long n, string text)
    {
        var grammar = TraceGrammar.TryParse(TraceLineParser.Decode(line), n);
        if (fast is null) return;
        grammar.Should().NotBeNull("the fast path accepted {0}", text);
        fast.Should().Be(grammar, text);
        fast.GetType().Should().Be(grammar!.GetType(), text);
    }

    [Fact]
    public void TryParse_EveryFixtureLineOfEveryKind_FastEqualsGrammarAndAcceptsEveryRealLine()
    {
        var grammarByKind = new Dictionary<string, int>();
        var fastByKind = new Dictionary<string, int>();
        foreach (var log in RepoPaths.AllLogs())
        {
            var bytes = File.ReadAllBytes(log);
            var n = 0L;
            foreach (var range in ((ReadOnlySpan<byte>)bytes).Split((byte)'\n'))
            {
                var line = TraceLineParser.TrimCarriageReturn(bytes.AsSpan()[range]).ToArray();
                n++;
                var fast = FastTraceLineParser.TryParse(line, n);
                var text = Encoding.Latin1.GetString(line);
                ShouldMatchGrammarOrDecline(fast, line, n, text);
                if (fast is not null) fastByKind[fast.Kind] = fastByKind.GetValueOrDefault(fast.Kind) + 1;
                if (TraceGrammar.TryParse(TraceLineParser.Decode(line), n) is { } g and not GcCycle)
                    grammarByKind[g.Kind] = grammarByKind.GetValueOrDefault(g.Kind) + 1;
            }
        }

        // The fixtures hold real scav, pacer, SCHED and scan lines (go1.19 and go1.26 runs): every one on the fast path.
        grammarByKind.Keys.Should().Contain(["scav", "pacer", "sched", "scan"]);
        grammarByKind.Values.Sum().Should().BeGreaterThan(1500);
        fastByKind.Should().BeEquivalentTo(grammarByKind);
    }

    /// <summary>The example lines of every kind in gctrace-format.md §2 and §3 and the eras' templates filled in.</summary>
    public static TheoryData<string> SpecExamples() => new(
    [
        "GC forced",
        "scvg0: 12 MB released",
        "scvg-1: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)",
        "scvg: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)",
        "forced scvg: 12 MB released",
        "scav 0 KiB work, 1592 KiB total, 98% util",
        "scav 64 KiB work, 1592 KiB total, 98% util (forced)",
        "scav 3 64 KiB work, 2048 KiB total, 50% util [controller reset]",
        "scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 87% util",
        "scav 0 KiB work (bg), 2048 KiB work (eager), 5888 KiB now, 87% util (forced)",
        "pacer: assist ratio=+1.013589e+000 (scan 0 MB in 3->4 MB) workers=1++0.000000e+000",
        "pacer: assist ratio=1.013589 (scan 0 MB in 3->4 MB) workers=1+0",
        "pacer: assist ratio=+Inf (scan 0 MB in 3->4 MB) workers=0++2.500000e-001",
        "pacer: assist ratio=NaN (scan 0 MB in 3->4 MB) workers=0++2.500000e-001",
        "pacer: assist ratio=-Inf (scan 0 MB in 3->4 MB) workers=0++2.500000e-001",
        "pacer: assist ratio=1e-05 (scan 12 MB in 30->40 MB) workers=2+0.25",
        "pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (\u2206goal 442368, cons/mark +0.000000e+000)",
        "pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (\u2206goal 442368, cons/mark +0.000000e+000) [controller reset]",
        "pacer: 25% CPU (25 exp.) for 679432+3344+255952 B work (869848 B exp.) in 12239839 B -> 12269376 B (\u2206goal -1125824, cons/mark 0.4427446)",
        "pacer: H_m_prev=4194304 h_t=+9.500000e-001 H_T=8178892 h_a=+1.003311e+000 H_a=8402176 h_g=+1.000000e+000 H_g=8388608 u_a=+2.500000e-001 u_g=+2.500000e-001 W_a=315912 goal\u0394=+0.000000e+000 actual\u0394=+5.331109e-002 u_a/u_g=+1.000000e+000",
        "pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at +1.005123e-004 pages/byte",
        "pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at 0.0001005123 pages/byte",
        "SCHED 1008ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 idlethreads=1 runqueue=0 [0 1]",
        "SCHED 2017ms: gomaxprocs=4 idleprocs=1 threads=8 spinningthreads=1 needspinning=1 idlethreads=2 runqueue=3 [0 1 2 3]",
        "SCHED 0ms: gomaxprocs=4 idleprocs=0 threads=5 spinningthreads=0 needspinning=0 idlethreads=0 runqueue=0 [ 0 0 0 0 ] schedticks=[ 1 2 3 4 ]",
        "SCHED 0ms: gomaxprocs=2 idleprocs=0 threads=5 spinningthreads=1 needspinning=0 idlethreads=0 runqueue=0 gcwaiting=false nmidlelocked=0 stopwait=0 sysmonwait=false",
        "scan: total 77+224+4243=4544 objs, 32+86=118 spans",
        "scan: class 16B 5+65+0=70 objs, 7+0=7 spans",
        "scan: class L 8+0+0=8 objs, 0+0=0 spans",
        "scan: total 4544 objs",
        "scan: class 16B 70 objs",
    ]);

    [Theory]
    [MemberData(nameof(SpecExamples))]
    public void TryParse_SpecExample_FastAcceptsAndEqualsGrammar(string text)
    {
        var line = Encoding.UTF8.GetBytes(text);
        var grammar = TraceGrammar.TryParse(text, 3);

        grammar.Should().NotBeNull(text);
        var fast = FastTraceLineParser.TryParse(line, 3);
        fast.Should().NotBeNull(text);
        fast.Should().Be(grammar, text);
        TraceLineParser.TryParse(line, 3).Should().Be(grammar, text);
    }

    public static TheoryData<string> GeneratedEras() => new(GoRuntimeTraceLines.Eras);

    [Theory]
    [MemberData(nameof(GeneratedEras))]
    public void TryParse_GeneratedRuntimeLinesOfEveryKind_GrammarEqualsValuesFastEqualsGrammar(string era)
    {
        var rng = new Random(Seed + Array.IndexOf(GoRuntimeTraceLines.Eras, era));
        int fastAccepted = 0, fastExpected = 0, unrepresentable = 0;
        for (var i = 1; i <= GeneratedPerKind; i++)
        {
            var g = GoRuntimeTraceLines.Generate(era, rng);
            var line = Encoding.UTF8.GetBytes(g.Text);
            var grammar = TraceGrammar.TryParse(g.Text, i);
            var fast = FastTraceLineParser.TryParse(line, i);
            if (g.Expected is null)
            {
                grammar.Should().BeNull(g.Text);
                fast.Should().BeNull(g.Text);
                TraceLineParser.TryParse(line, i).Should().BeNull(g.Text);
                TraceLineParser.IsUnrepresentable(line).Should().BeTrue(g.Text);
                unrepresentable++;
                continue;
            }

            // The grammar against the values the line was printed from, then the fast path against the grammar.
            grammar.Should().Be(g.Expected with { Line = i }, g.Text);
            ShouldMatchGrammarOrDecline(fast, line, i, g.Text);
            TraceLineParser.TryParse(line, i).Should().Be(grammar, g.Text);
            TraceLineParser.IsUnrepresentable(line).Should().BeFalse(g.Text);
            if (g.FastAccepts)
            {
                fastExpected++;
                fast.Should().NotBeNull("only 19-digit numbers may be left to the grammar: {0}", g.Text);
            }
            if (fast is not null) fastAccepted++;
        }
        fastAccepted.Should().BeGreaterThanOrEqualTo(fastExpected);
        fastExpected.Should().BeGreaterThan(GeneratedPerKind / 2);
        if (era != "gc-forced" && !era.StartsWith("pacer-legacy", StringComparison.Ordinal))
            unrepresentable.Should().BeGreaterThan(0, "the generator prints values beyond their types now and then");
    }
}
