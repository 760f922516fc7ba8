// Span fast paths for every trace line kind other than the gc line (scav, scvg, pacer, scan, SCHED, GC forced), in the
// style of FastGcLineParser and proven equal to the grammar by FastPathDifferentialTests. Anything unexpected is declined.
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// One method per line kind, each reading ASCII bytes with a <see cref="ByteCursor"/> and allocating only the event (and
/// what the event holds: the pacer's field array, SCHED's run queues and detail text). Each returns null to decline: the
/// line is then given to <see cref="TraceGrammar"/>, the parser of record, which may still accept it (19-digit numbers,
/// unusual float spellings, a trailing line end) or reject it.
/// </summary>
public static class FastTraceLineParser
{
    /// <summary>Parses any non-gc trace line kind, chosen by its marker; null to decline.</summary>
    public static TraceEvent? TryParse(ReadOnlySpan<byte> s, long line) =>
        s.Length < 4 ? null : TryParse(s, line, TraceMarkers.KindAt(s));

    /// <summary>Parses a line whose marker says it is of <paramref name="kind"/>; null to decline (gc lines too).</summary>
    internal static TraceEvent? TryParse(ReadOnlySpan<byte> s, long line, TraceLineKind kind) => kind switch
    {
        TraceLineKind.Pacer => TryParsePacer(s, line),
        TraceLineKind.Scav => TryParseScav(s, line),
        TraceLineKind.Scan => TryParseScan(s, line),
        TraceLineKind.Scvg => TryParseScvg(s, line),
        TraceLineKind.Sched => TryParseSched(s, line),
        TraceLineKind.GcForced => TryParseGcForced(s, line),
        _ => null,
    };

    /// <summary><c>GC forced</c> (gctrace-format.md §2.1).</summary>
    public static GcForced? TryParseGcForced(ReadOnlySpan<byte> s, long line) =>
        s.SequenceEqual("GC forced"u8) ? new GcForced(line) : null;

    /// <summary>
    /// go1.21+ <c>scav B KiB work (bg), E KiB work (eager), N KiB now, U% util</c>; go1.14-1.20 <c>scav [G ]W KiB work, N KiB
    /// total, U% util</c>; each with an optional <c> (forced)</c> or <c> [controller reset]</c> (gctrace-format.md §2.2).
    /// </summary>
    public static ScavEvent? TryParseScav(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("scav "u8) || !c.Int(out var first)) return null;
        long? generation = null, work = null, bg = null, eager = null;
        long released;
        if (c.Lit(" KiB work (bg), "u8))
        {
            if (!c.Int(out var e) || !c.Lit(" KiB work (eager), "u8) || !c.Int(out released) || !c.Lit(" KiB now, "u8)) return null;
            bg = first;
            eager = e;
        }
        else
        {
            // go1.15-1.18 print a generation before the work figure.
            if (c.Lit(" KiB work, "u8))
            {
                work = first;
            }
            else
            {
                if (!c.Lit(" "u8) || !c.Int(out var w) || !c.Lit(" KiB work, "u8)) return null;
                generation = first;
                work = w;
            }
            if (!c.Int(out released) || !c.Lit(" KiB total, "u8)) return null;
        }
        if (!c.Int32(out var util) || !c.Lit("% util"u8)) return null;
        var forced = c.Lit(" (forced)"u8);
        var reset = !forced && c.Lit(" [controller reset]"u8);
        if (!c.AtEnd) return null;
        return new ScavEvent(line, generation, work, bg, eager, released, util, forced, reset);
    }

    /// <summary>go1.5-1.13 <c>scvgK: N MB released</c> and <c>scvgK: inuse: …, consumed: N (MB)</c>, K absent or -1 too, or <c>forced scvg: </c>.</summary>
    public static ScvgEvent? TryParseScvg(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        int? sequence = null;
        var forced = c.Lit("forced scvg: "u8);
        if (!forced)
        {
            if (!c.Lit("scvg"u8)) return null;
            if (c.Peek is (byte)'-' or >= (byte)'0' and <= (byte)'9')
            {
                if (!c.SignedInt(out var k) || k < int.MinValue || k > int.MaxValue) return null;
                sequence = (int)k;
            }
            if (!c.Lit(": "u8)) return null;
        }
        if (c.Lit("inuse: "u8))
        {
            if (!c.Int(out var inuse) || !c.Lit(", idle: "u8) || !c.Int(out var idle) || !c.Lit(", sys: "u8) || !c.Int(out var sys)
                || !c.Lit(", released: "u8) || !c.Int(out var rel) || !c.Lit(", consumed: "u8) || !c.Int(out var consumed)
                || !c.Lit(" (MB)"u8) || !c.AtEnd)
                return null;
            return new ScvgEvent(line, sequence, forced, null, inuse, idle, sys, rel, consumed);
        }
        if (!c.Int(out var released) || !c.Lit(" MB released"u8) || !c.AtEnd) return null;
        return new ScvgEvent(line, sequence, forced, released, null, null, null, null, null);
    }

    /// <summary>Every <c>pacer: </c> shape (gctrace-format.md §3.1), both float forms.</summary>
    public static PacerEvent? TryParsePacer(ReadOnlySpan<byte> s, long line)
    {
        if (!s.StartsWith("pacer: "u8) || s.Length < 8) return null;
        return s[7] switch
        {
            >= (byte)'0' and <= (byte)'9' => PacerEnd(s, line),
            (byte)'a' => PacerStart(s, line),
            (byte)'s' => PacerSweepDone(s, line),
            _ => PacerLegacyEnd(s, line),
        };
    }

    // "pacer: assist ratio=+1.301839e+000 (scan 0 MB in 3->4 MB) workers=0++2.500000e-001" (go1.26: "workers=0+0.25")
    private static PacerEvent? PacerStart(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("pacer: assist ratio="u8) || !c.Float(out var ratio) || !c.Lit(" (scan "u8) || !c.Int(out var scan)
            || !c.Lit(" MB in "u8) || !c.Int(out var live) || !c.Lit("->"u8) || !c.Int(out var goal)
            || !c.Lit(" MB) workers="u8) || !c.Int(out var dedicated) || !c.Lit("+"u8) || !c.Float(out var fractional) || !c.AtEnd)
            return null;
        return new PacerEvent(line, PacerNames.Start,
        [
            new(PacerNames.AssistRatio, ratio), new(PacerNames.HeapScanMb, scan), new(PacerNames.HeapLiveMb, live),
            new(PacerNames.HeapGoalMb, goal), new(PacerNames.DedicatedWorkers, dedicated), new(PacerNames.FractionalWorkers, fractional),
        ]);
    }

    // go1.18+: "pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (∆goal 442368, cons/mark +0.000000e+000)"
    private static PacerEvent? PacerEnd(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("pacer: "u8) || !c.Int(out var cpu) || !c.Lit("% CPU ("u8) || !c.Int(out var expCpu) || !c.Lit(" exp.) for "u8)
            || !c.Int(out var heapWork) || !c.Lit("+"u8) || !c.Int(out var stackWork) || !c.Lit("+"u8) || !c.Int(out var globalsWork)
            || !c.Lit(" B work ("u8) || !c.Int(out var expWork) || !c.Lit(" B exp.) in "u8) || !c.Int(out var triggered)
            || !c.Lit(" B -> "u8) || !c.Int(out var live) || !c.Lit(" B (\u2206goal "u8) || !c.SignedInt(out var delta)
            || !c.Lit(", cons/mark "u8) || !c.Float(out var consMark) || !c.Lit(")"u8))
            return null;
        var reset = c.Lit(" [controller reset]"u8);
        if (!c.AtEnd) return null;
        return new PacerEvent(line, PacerNames.End,
        [
            new(PacerNames.CpuPct, cpu), new(PacerNames.ExpectedCpuPct, expCpu), new(PacerNames.HeapScanWorkB, heapWork),
            new(PacerNames.StackScanWorkB, stackWork), new(PacerNames.GlobalsScanWorkB, globalsWork), new(PacerNames.ExpectedWorkB, expWork),
            new(PacerNames.TriggerB, triggered), new(PacerNames.LiveB, live), new(PacerNames.GoalDeltaB, delta), new(PacerNames.ConsMark, consMark),
        ])
        { ControllerReset = reset };
    }

    // "pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at +1.005123e-004 pages/byte"
    private static PacerEvent? PacerSweepDone(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("pacer: sweep done at heap size "u8) || !c.Int(out var size) || !c.Lit("MB; allocated "u8) || !c.Int(out var allocated)
            || !c.Lit("MB during sweep; swept "u8) || !c.Int(out var pages) || !c.Lit(" pages at "u8) || !c.Float(out var rate)
            || !c.Lit(" pages/byte"u8) || !c.AtEnd)
            return null;
        return new PacerEvent(line, PacerNames.SweepDone,
        [
            new(PacerNames.HeapSizeMb, size), new(PacerNames.AllocatedMb, allocated), new(PacerNames.SweptPages, pages),
            new(PacerNames.PagesPerByte, rate),
        ]);
    }

    // go1.5-1.17: "pacer: H_m_prev=4194304 h_t=+9.500000e-001 H_T=8178892 … u_a/u_g=+1.000000e+000" (Δ is U+0394, UTF-8 CE 94)
    private static PacerEvent? PacerLegacyEnd(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("pacer: "u8)) return null;
        var buffer = new KeyValuePair<string, double>[PacerNames.LegacyCount];
        var n = 0;
        while (true)
        {
            var rest = c.Rest;
            var eq = rest.IndexOf((byte)'=');
            if (eq <= 0 || n == buffer.Length) return null;
            var name = PacerNames.Legacy(rest[..eq]);
            if (name is null || rest[..eq].IndexOf((byte)' ') >= 0) return null;
            c = new ByteCursor(rest[(eq + 1)..]);
            if (!c.Float(out var value)) return null;
            buffer[n++] = new(name, value);
            if (c.AtEnd) break;
            if (!c.Lit(" "u8)) return null;
        }
        return new PacerEvent(line, PacerNames.End, n == buffer.Length ? buffer : buffer[..n]);
    }

    /// <summary>go1.25+ gctrace=2: <c>scan: total|class 16B|class L a+b+c=T objs, d+e=S spans</c>, or <c>… T objs</c> without greenteagc.</summary>
    public static ScanEvent? TryParseScan(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("scan: "u8)) return null;
        string? sizeClass;
        if (c.Lit("total "u8))
        {
            sizeClass = null;
        }
        else if (c.Lit("class L "u8))
        {
            sizeClass = "L";
        }
        else
        {
            if (!c.Lit("class "u8)) return null;
            var digits = c.Rest;
            if (!c.Int(out var size)) return null;
            digits = digits[..(digits.Length - c.Rest.Length)];
            if (!c.Lit("B "u8)) return null;
            sizeClass = SizeClassNames.Of(size, digits);
        }
        if (!c.Int(out var first)) return null;
        if (c.Lit(" objs"u8))
            return c.AtEnd ? new ScanEvent(line, sizeClass, null, null, null, first, null, null, null) : null;
        if (!c.Lit("+"u8) || !c.Int(out var spanSparse) || !c.Lit("+"u8) || !c.Int(out var spanDense) || !c.Lit("="u8)
            || !c.Int(out var objects) || !c.Lit(" objs, "u8) || !c.Int(out var spansSparse) || !c.Lit("+"u8)
            || !c.Int(out var spansDense) || !c.Lit("="u8) || !c.Int(out var spans) || !c.Lit(" spans"u8) || !c.AtEnd)
            return null;
        return new ScanEvent(line, sizeClass, first, spanSparse, spanDense, objects, spansSparse, spansDense, spans);
    }

    /// <summary>
    /// <c>SCHED 1008ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 [needspinning=0 ]idlethreads=1 runqueue=0 [0 1]</c>
    /// (go1.25+: <c>[ 0 1 ] schedticks=[ 5 6 ]</c>), or with scheddetail=1 <c>… runqueue=0 gcwaiting=… sysmonwait=…</c> (gctrace-format.md §3.2).
    /// </summary>
    public static SchedEvent? TryParseSched(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("SCHED "u8) || !c.Int(out var ms) || !c.Lit("ms: gomaxprocs="u8) || !c.Int32(out var gomaxprocs)
            || !c.Lit(" idleprocs="u8) || !c.Int32(out var idleprocs) || !c.Lit(" threads="u8) || !c.Int32(out var threads)
            || !c.Lit(" spinningthreads="u8) || !c.Int32(out var spinning))
            return null;
        int? needSpinning = null;
        if (c.Lit(" needspinning="u8))
        {
            if (!c.Int32(out var need)) return null;
            needSpinning = need;
        }
        if (!c.Lit(" idlethreads="u8) || !c.Int32(out var idleThreads) || !c.Lit(" runqueue="u8) || !c.Int(out var runqueue)) return null;

        if (c.Lit(" gcwaiting="u8))
        {
            // scheddetail=1: the rest is kept as printed; the grammar takes anything up to the line end.
            var detail = s[(s.Length - c.Rest.Length - "gcwaiting=".Length)..];
            if (detail.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) >= 0) return null;
            return new SchedEvent(line, ms, gomaxprocs, idleprocs, threads, spinning, needSpinning, idleThreads, runqueue,
                [], null, System.Text.Encoding.Latin1.GetString(detail));
        }
        if (!c.Lit(" "u8) || !Queues(ref c, out var queues)) return null;
        long[]? ticks = null;
        if (c.Lit(" schedticks="u8) && !Queues(ref c, out ticks)) return null;
        if (!c.AtEnd) return null;
        return new SchedEvent(line, ms, gomaxprocs, idleprocs, threads, spinning, needSpinning, idleThreads, runqueue, queues, ticks, null);
    }

    /// <summary>Most P counts: a run-queue list of this many values is read without a second pass.</summary>
    private const int QueueStackValues = 64;

    // "[0 1]" (go1.5-1.24) or "[ 0 1 ]" (go1.25+): values each after any spaces, then any spaces and "]".
    private static bool Queues(ref ByteCursor c, out long[] values)
    {
        values = [];
        if (!c.Lit("["u8)) return false;
        Span<long> found = stackalloc long[QueueStackValues];
        var n = 0;
        while (true)
        {
            while (c.Peek == (byte)' ') c.Lit(" "u8);
            if (c.Lit("]"u8)) break;
            if (n == found.Length || !c.Int(out var v)) return false;
            found[n++] = v;
        }
        values = found[..n].ToArray();
        return true;
    }
}
