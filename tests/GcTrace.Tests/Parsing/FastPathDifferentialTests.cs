// Proves the span fast path equal to the grammar of record: on every real fixture line and on generated lines printed
// exactly as the runtime prints them (GoRuntimeFormat, spec §1.2).
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
        var fastAccepted = 0;
        for (var i = 0; i < GeneratedPerEra; i++)
        {
            var v = RandomValues(rng, era, leakEra);
            var text = GoRuntimeFormat.GcLine(era, v);
            var line = Encoding.ASCII.GetBytes(text);

            var grammar = TraceGrammar.TryParse(text, i + 1);
            var cycle = grammar.Should().BeOfType<GcCycle>(text).Subject;
            ShouldEqualValues(cycle, era, v, text);

            var fast = FastGcLineParser.TryParse(line, i + 1);
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
        if (era != GcFormat.Go15) fastAccepted.Should().Be(GeneratedPerEra);
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

    // Every range of fmtNSAsMS (spec §1.2 table) and its edges, plus wrapped negative deltas.
    private static ulong RandomNs(Random rng) => rng.Next(12) switch
    {
        0 => 0,
        1 => (ulong)rng.Next(0, 1000),
        2 => (ulong)rng.Next(1000, 100_000),
        3 => (ulong)rng.Next(100_000, 1_000_000),
        4 => (ulong)rng.Next(1_000_000, 10_000_000),
        5 => (ulong)rng.NextInt64(10_000_000, 100_000_000_000),
        6 => new ulong[] { 999, 1000, 99_999, 100_000, 999_999, 1_000_000, 9_999_999, 10_000_000, 10_999_999 }[rng.Next(9)],
        7 => ulong.MaxValue - (ulong)rng.NextInt64(0, 10_000_000_000), // a negative int64 delta as uint64
        8 => (ulong)rng.NextInt64(0, long.MaxValue) * 2 + (ulong)rng.Next(2),
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
}
