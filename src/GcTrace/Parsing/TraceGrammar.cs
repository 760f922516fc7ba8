// The Sprache grammar of record for every line the Go runtime prints under gctrace, scavtrace, gcpacertrace and
// schedtrace (docs/gctrace-format.md). A grammar table, so longer than our usual file.
using Sprache;
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// One rule per token and per line era, newest era first (like pprof's chain of legacy parsers). Rules build events
/// with <c>Line = 0</c>; <see cref="TryParse"/> stamps the line number. The grammar never throws on input: numbers that
/// do not fit their type fail the rule instead.
/// </summary>
public static class TraceGrammar
{
    // ---- tokens -------------------------------------------------------------------------------------------------

    // "123"
    private static readonly Parser<string> Digits = Parse.Digit.AtLeastOnce().Text();

    // "42" (printuint/printint: plain decimal, never a separator or exponent)
    private static readonly Parser<long> Int =
        from d in Digits
        where Numbers.TryParseLong(d, out _)
        select Numbers.TryParseLong(d, out var v) ? v : 0;

    // "-5" (printint; the pacer's goal delta can be negative)
    private static readonly Parser<long> SignedInt =
        from sign in Parse.Char('-').Optional()
        from v in Int
        select sign.IsDefined ? -v : v;

    // "42" where the field is an int (P counts, percentages, thread counts): a larger value fails the rule
    private static readonly Parser<int> Int32 =
        from v in Int
        where v <= int.MaxValue
        select (int)v;

    // "0", "0.004", "0.45", "4.5", "45": fmtNSAsMS. A negative delta wraps to a huge integer, which is not represented
    // (TraceLimits.MaxMsWholeDigits): the rule fails and the line counts as unrecognized.
    private static readonly Parser<decimal> Ms =
        from whole in Digits
        from frac in Parse.Char('.').Then(_ => Digits).Optional()
        where whole.Length <= TraceLimits.MaxMsWholeDigits && whole.Length + (frac.IsDefined ? frac.Get().Length : 0) <= 28
        select Numbers.ParseDecimal(frac.IsDefined ? whole + "." + frac.Get() : whole);

    // "12.503": itoaDiv(ms, 3), always exactly 3 decimals (go1.5 to master)
    private static readonly Parser<decimal> Seconds =
        from whole in Digits
        from frac in Parse.Char('.').Then(_ => Digits)
        where frac.Length == 3 && whole.Length <= TraceLimits.MaxSecondsWholeDigits
        select Numbers.ParseDecimal(whole + "." + frac);

    // "+8.750000e-001", "+Inf", "NaN" (go1.5-1.25) and "0.875", "1e-05" (go1.26+)
    private static readonly Parser<double> GoFloat =
        (from sign in Parse.Chars('+', '-').Optional()
         from body in Parse.String("Inf").Text().Or(Parse.String("NaN").Text()).Or(
             from mant in Digits
             from frac in Parse.Char('.').Then(_ => Digits).Optional()
             from exp in (from e in Parse.Char('e')
                          from s in Parse.Chars('+', '-').Optional()
                          from d in Digits
                          select "e" + (s.IsDefined ? s.Get().ToString() : "") + d).Optional()
             select mant + (frac.IsDefined ? "." + frac.Get() : "") + exp.GetOrElse(""))
         select Numbers.ParseGoFloat((sign.IsDefined ? sign.Get().ToString() : "") + body)).Named("float");

    private static Parser<string> Lit(string s) => Parse.String(s).Text();

    // The end of the line (a trailing line end allowed). Declared before the rules that use it: statics initialise in order.
    private static readonly Parser<string> End =
        from _ in Parse.LineEnd.Optional()
        from end in Parse.AnyChar.Not()
        select "";

    // ---- gc summary line (gctrace-format.md §1.4) -----------------------------------------------------------------

    private sealed record Header(long Number, decimal StartS, int CpuPercent, bool LeakCheck);

    // "gc 15 @8.210s 1% (checking for goroutine leaks): "
    private static readonly Parser<Header> GcHeader =
        from _1 in Lit("gc ")
        from n in Int
        from _2 in Lit(" @")
        from s in Seconds
        from _3 in Lit("s ")
        from u in Int
        where u <= int.MaxValue
        from _4 in Lit("%")
        from leak in Lit(" (checking for goroutine leaks)").Optional()
        from _5 in Lit(": ")
        select new Header(n, s, (int)u, leak.IsDefined);

    private sealed record Heap(long Start, long End, long Live, long Goal);

    // "412->438->221 MB, 442 MB goal, "
    private static readonly Parser<Heap> HeapPart =
        from h0 in Int
        from _1 in Lit("->")
        from h1 in Int
        from _2 in Lit("->")
        from h2 in Int
        from _3 in Lit(" MB, ")
        from g in Int
        from _4 in Lit(" MB goal, ")
        select new Heap(h0, h1, h2, g);

    // "8 P" then optional " (forced)" and the end of the line
    private static readonly Parser<(int Procs, bool Forced)> Tail =
        from p in Int
        where p <= int.MaxValue
        from _1 in Lit(" P")
        from forced in Lit(" (forced)").Optional()
        from end in End
        select ((int)p, forced.IsDefined);

    // "0.092+18+0.11 ms clock, 0.73+4.2/35/61+0.91 ms cpu, " (go1.6+: 3 clock phases, 5 cpu values)
    private static readonly Parser<decimal[]> Clock3Cpu5 =
        from c1 in Ms
        from _1 in Lit("+")
        from c2 in Ms
        from _2 in Lit("+")
        from c3 in Ms
        from _3 in Lit(" ms clock, ")
        from p1 in Ms
        from _4 in Lit("+")
        from p2 in Ms
        from _5 in Lit("/")
        from p3 in Ms
        from _6 in Lit("/")
        from p4 in Ms
        from _7 in Lit("+")
        from p5 in Ms
        from _8 in Lit(" ms cpu, ")
        select new[] { c1, c2, c3, p1, p2, p3, p4, p5 };

    /// <summary>go1.18+: <c>gc 87 @12.503s 4%: 0.092+18+0.11 ms clock, 0.73+4.2/35/61+0.91 ms cpu, 412->438->221 MB, 442 MB goal, 1 MB stacks, 0 MB globals, 8 P</c></summary>
    public static readonly Parser<GcCycle> GcLineGo118 =
        (from h in GcHeader
         from t in Clock3Cpu5
         from heap in HeapPart
         from stacks in Int
         from _1 in Lit(" MB stacks, ")
         from globals in Int
         from _2 in Lit(" MB globals, ")
         from tail in Tail
         select Build(GcFormat.Go118, h, t, heap, stacks, globals, tail)).Named("gc line (go1.18+)");

    /// <summary>go1.6-1.17: <c>gc 4 @0.321s 1%: 0.019+2.4+0.064 ms clock, 0.077+0.35/2.1/4.6+0.25 ms cpu, 8->9->4 MB, 9 MB goal, 4 P</c></summary>
    public static readonly Parser<GcCycle> GcLineGo16 =
        (from h in GcHeader
         from t in Clock3Cpu5
         from heap in HeapPart
         from tail in Tail
         select Build(GcFormat.Go16, h, t, heap, null, null, tail)).Named("gc line (go1.6-1.17)");

    /// <summary>go1.5: <c>gc 1 @0.017s 2%: 0.11+0.76+0.008+1.3+0.20 ms clock, 0.22+0.76+0+0.041/0.92/1.1+0.40 ms cpu, 4->4->1 MB, 5 MB goal, 2 P</c></summary>
    public static readonly Parser<GcCycle> GcLineGo15 =
        (from h in GcHeader
         from c1 in Ms
         from _1 in Lit("+")
         from c2 in Ms
         from _2 in Lit("+")
         from c3 in Ms
         from _3 in Lit("+")
         from c4 in Ms
         from _4 in Lit("+")
         from c5 in Ms
         from _5 in Lit(" ms clock, ")
         from p1 in Ms
         from _6 in Lit("+")
         from p2 in Ms
         from _7 in Lit("+")
         from p3 in Ms
         from _8 in Lit("+")
         from p4 in Ms
         from _9 in Lit("/")
         from p5 in Ms
         from _10 in Lit("/")
         from p6 in Ms
         from _11 in Lit("+")
         from p7 in Ms
         from _12 in Lit(" ms cpu, ")
         from heap in HeapPart
         from tail in Tail
         select Build(GcFormat.Go15, h, new[] { c1, c4, c5, p1, p4, p5, p6, p7 }, heap, null, null, tail) with
         {
             RootScanMs = c2,
             InstallWriteBarrierMs = c3,
             CpuRootScanMs = p2,
             CpuInstallWriteBarrierMs = p3,
         }).Named("gc line (go1.5)");

    /// <summary>Any era of the gc line, newest first.</summary>
    public static readonly Parser<GcCycle> GcLine = GcLineGo118.Or(GcLineGo16).Or(GcLineGo15);

    private static GcCycle Build(GcFormat format, Header h, decimal[] t, Heap heap, long? stacks, long? globals, (int Procs, bool Forced) tail) =>
        new(0, format, h.Number, h.StartS, h.CpuPercent, h.LeakCheck,
            t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7],
            heap.Start, heap.End, heap.Live, heap.Goal, stacks, globals, tail.Procs, tail.Forced);

    // ---- GC forced (gctrace-format.md §2.1) -----------------------------------------------------------------------

    /// <summary><c>GC forced</c></summary>
    public static readonly Parser<TraceEvent> GcForcedLine =
        (from _ in Lit("GC forced") from e in End select (TraceEvent)new GcForced(0)).Named("GC forced");

    // ---- scavenger (gctrace-format.md §2.2) -----------------------------------------------------------------------

    // " (forced)" or " [controller reset]" or nothing, then the end of the line. Never both: the runtime prints
    // `if forced {…} else if printControllerReset {…}` (mgcscavenge.go printScavTrace).
    private static readonly Parser<(bool Forced, bool Reset)> ScavSuffix =
        from suffix in Lit(" (forced)").Return((true, false)).Or(Lit(" [controller reset]").Return((false, true))).Optional()
        from e in End
        select suffix.GetOrElse((false, false));

    /// <summary>go1.21+: <c>scav 1024 KiB work (bg), 0 KiB work (eager), 5888 KiB now, 87% util</c></summary>
    public static readonly Parser<TraceEvent> ScavLineGo121 =
        (from _1 in Lit("scav ")
         from bg in Int
         from _2 in Lit(" KiB work (bg), ")
         from eager in Int
         from _3 in Lit(" KiB work (eager), ")
         from now in Int
         from _4 in Lit(" KiB now, ")
         from util in Int
         where util <= int.MaxValue
         from _5 in Lit("% util")
         from s in ScavSuffix
         select (TraceEvent)new ScavEvent(0, null, null, bg, eager, now, (int)util, s.Forced, s.Reset)).Named("scav line (go1.21+)");

    /// <summary>go1.14-1.20: <c>scav 0 KiB work, 2048 KiB total, 50% util</c>; go1.15-1.18 put a generation first: <c>scav 3 0 KiB work, ...</c></summary>
    public static readonly Parser<TraceEvent> ScavLineGo114 =
        (from _1 in Lit("scav ")
         from first in Int
         from second in Lit(" ").Then(_ => Int).Optional()
         from _2 in Lit(" KiB work, ")
         from total in Int
         from _3 in Lit(" KiB total, ")
         from util in Int
         where util <= int.MaxValue
         from _4 in Lit("% util")
         from s in ScavSuffix
         select (TraceEvent)new ScavEvent(0, second.IsDefined ? first : null, second.GetOrElse(first), null, null, total, (int)util, s.Forced, s.Reset))
        .Named("scav line (go1.14-1.20)");

    // "scvg3: ", "scvg-1: ", "scvg: ", "forced scvg: " (go1.5-1.13)
    private static readonly Parser<(int? Seq, bool Forced)> ScvgPrefix =
        (from f in Lit("forced scvg: ") select ((int?)null, true))
        .Or(from _1 in Lit("scvg")
            from seq in SignedInt.Optional()
            where !seq.IsDefined || (seq.Get() >= int.MinValue && seq.Get() <= int.MaxValue)
            from _2 in Lit(": ")
            select (seq.IsDefined ? (int?)seq.Get() : null, false));

    /// <summary>go1.5-1.13: <c>scvg0: 12 MB released</c> and <c>scvg0: inuse: 3, idle: 60, sys: 63, released: 60, consumed: 3 (MB)</c></summary>
    public static readonly Parser<TraceEvent> ScvgLine =
        (from p in ScvgPrefix
         from ev in (from r in Int
                     from _ in Lit(" MB released")
                     from e in End
                     select new ScvgEvent(0, p.Seq, p.Forced, r, null, null, null, null, null))
             .Or(from _1 in Lit("inuse: ")
                 from inuse in Int
                 from _2 in Lit(", idle: ")
                 from idle in Int
                 from _3 in Lit(", sys: ")
                 from sys in Int
                 from _4 in Lit(", released: ")
                 from rel in Int
                 from _5 in Lit(", consumed: ")
                 from cons in Int
                 from _6 in Lit(" (MB)")
                 from e in End
                 select new ScvgEvent(0, p.Seq, p.Forced, null, inuse, idle, sys, rel, cons))
         select (TraceEvent)ev).Named("scvg line (go1.5-1.13)");

    // ---- pacer (gctrace-format.md §3.1) ---------------------------------------------------------------------------

    private static KeyValuePair<string, double> F(string name, double value) => new(name, value);

    /// <summary><c>pacer: assist ratio=+1.301839e+000 (scan 0 MB in 3->4 MB) workers=0++2.500000e-001</c> (go1.26: <c>workers=0+0.25</c>)</summary>
    public static readonly Parser<TraceEvent> PacerStartLine =
        (from _1 in Lit("pacer: assist ratio=")
         from ratio in GoFloat
         from _2 in Lit(" (scan ")
         from scan in Int
         from _3 in Lit(" MB in ")
         from live in Int
         from _4 in Lit("->")
         from goal in Int
         from _5 in Lit(" MB) workers=")
         from dedicated in Int
         from _6 in Lit("+")
         from fractional in GoFloat
         from e in End
         select (TraceEvent)new PacerEvent(0, PacerNames.Start, new[]
         {
             F(PacerNames.AssistRatio, ratio), F(PacerNames.HeapScanMb, scan), F(PacerNames.HeapLiveMb, live), F(PacerNames.HeapGoalMb, goal),
             F(PacerNames.DedicatedWorkers, dedicated), F(PacerNames.FractionalWorkers, fractional),
         })).Named("pacer start line");

    /// <summary>go1.18+: <c>pacer: 27% CPU (25 exp.) for 474144+3560+255952 B work (255952 B exp.) in 3997696 B -> 4636672 B (∆goal 442368, cons/mark +0.000000e+000)</c></summary>
    public static readonly Parser<TraceEvent> PacerEndLine =
        (from _1 in Lit("pacer: ")
         from cpu in Int
         from _2 in Lit("% CPU (")
         from expCpu in Int
         from _3 in Lit(" exp.) for ")
         from heapWork in Int
         from _4 in Lit("+")
         from stackWork in Int
         from _5 in Lit("+")
         from globalsWork in Int
         from _6 in Lit(" B work (")
         from expWork in Int
         from _7 in Lit(" B exp.) in ")
         from triggered in Int
         from _8 in Lit(" B -> ")
         from live in Int
         from _9 in Lit(" B (\u2206goal ")
         from delta in SignedInt
         from _10 in Lit(", cons/mark ")
         from consMark in GoFloat
         from _11 in Lit(")")
         from reset in Lit(" [controller reset]").Optional()
         from e in End
         select (TraceEvent)new PacerEvent(0, PacerNames.End, new[]
         {
             F(PacerNames.CpuPct, cpu), F(PacerNames.ExpectedCpuPct, expCpu), F(PacerNames.HeapScanWorkB, heapWork), F(PacerNames.StackScanWorkB, stackWork),
             F(PacerNames.GlobalsScanWorkB, globalsWork), F(PacerNames.ExpectedWorkB, expWork), F(PacerNames.TriggerB, triggered), F(PacerNames.LiveB, live),
             F(PacerNames.GoalDeltaB, delta), F(PacerNames.ConsMark, consMark),
         })
         { ControllerReset = reset.IsDefined }).Named("pacer end line (go1.18+)");

    // "h_t=+9.500000e-001"
    private static readonly Parser<KeyValuePair<string, double>> LegacyPacerPair =
        from name in Parse.CharExcept(c => c == '=' || c == ' ', "name").AtLeastOnce().Text()
        where PacerNames.LegacyNames.ContainsKey(name)
        from _ in Lit("=")
        from value in GoFloat
        select F(PacerNames.LegacyNames[name], value);

    /// <summary>go1.5-1.17: <c>pacer: H_m_prev=4194304 h_t=+9.500000e-001 H_T=8178892 ... u_a/u_g=+1.000000e+000</c></summary>
    public static readonly Parser<TraceEvent> PacerLegacyEndLine =
        (from _1 in Lit("pacer: ")
         from pairs in LegacyPacerPair.DelimitedBy(Parse.Char(' '))
         from e in End
         select (TraceEvent)new PacerEvent(0, PacerNames.End, pairs.ToArray())).Named("pacer end line (go1.5-1.17)");

    /// <summary><c>pacer: sweep done at heap size 4MB; allocated 0MB during sweep; swept 530 pages at +1.005123e-004 pages/byte</c></summary>
    public static readonly Parser<TraceEvent> PacerSweepDoneLine =
        (from _1 in Lit("pacer: sweep done at heap size ")
         from size in Int
         from _2 in Lit("MB; allocated ")
         from allocated in Int
         from _3 in Lit("MB during sweep; swept ")
         from pages in Int
         from _4 in Lit(" pages at ")
         from rate in GoFloat
         from _5 in Lit(" pages/byte")
         from e in End
         select (TraceEvent)new PacerEvent(0, PacerNames.SweepDone, new[]
         {
             F(PacerNames.HeapSizeMb, size), F(PacerNames.AllocatedMb, allocated), F(PacerNames.SweptPages, pages), F(PacerNames.PagesPerByte, rate),
         })).Named("pacer sweep-done line");

    // ---- SCHED (gctrace-format.md §3.2) ---------------------------------------------------------------------------

    // "name=42"
    private static Parser<long> Field(string name) => Lit(" " + name + "=").Then(_ => Int);

    // "name=42" where the field is an int
    private static Parser<int> Field32(string name) => Lit(" " + name + "=").Then(_ => Int32);

    // "[2 0]" (go1.5-1.24) or "[ 2 0 ]" (go1.25+)
    private static readonly Parser<long[]> Queues =
        from _1 in Lit("[")
        from values in Parse.Char(' ').Many().Then(_ => Int).Many()
        from _2 in Parse.Char(' ').Many()
        from _3 in Lit("]")
        select values.ToArray();

    /// <summary><c>SCHED 1008ms: gomaxprocs=2 idleprocs=0 threads=7 spinningthreads=0 [needspinning=0 ]idlethreads=1 runqueue=0 [0 1][ schedticks=[ 5 6 ]]</c></summary>
    public static readonly Parser<TraceEvent> SchedLine =
        (from _1 in Lit("SCHED ")
         from ms in Int
         from _2 in Lit("ms:")
         from gomaxprocs in Field32("gomaxprocs")
         from idleprocs in Field32("idleprocs")
         from threads in Field32("threads")
         from spinning in Field32("spinningthreads")
         from need in Field32("needspinning").Optional()
         from idlethreads in Field32("idlethreads")
         from runqueue in Field("runqueue")
         from queues in Lit(" ").Then(_ => Queues).Optional()
         from ticks in Lit(" schedticks=").Then(_ => Queues).Optional()
         from detail in Parse.AnyChar.Except(Parse.LineEnd).Many().Text()
         from e in End
             // scheddetail=1 prints " gcwaiting=…" instead of the queue brackets (proc.go schedtrace); nothing else may follow.
         where detail.Length == 0 ? queues.IsDefined : !queues.IsDefined && !ticks.IsDefined && detail.StartsWith(" gcwaiting=", StringComparison.Ordinal)
         select (TraceEvent)new SchedEvent(0, ms, gomaxprocs, idleprocs, threads, spinning,
             need.IsDefined ? need.Get() : null, idlethreads, runqueue,
             queues.GetOrElse(Array.Empty<long>()), ticks.IsDefined ? ticks.Get() : null,
             detail.Length == 0 ? null : detail.TrimStart())).Named("SCHED line");

    // ---- gctrace=2 scan lines (gctrace-format.md §2.3) ------------------------------------------------------------

    // "total" or "class 16B" or "class L"
    private static readonly Parser<string?> ScanClass =
        Lit("total").Return((string?)null)
            .Or(from _ in Lit("class ") from c in Lit("L").Or(Digits.Then(d => Lit("B").Return(d + "B"))) select (string?)c);

    /// <summary>go1.25+ greenteagc: <c>scan: class 16B 5+65+0=70 objs, 7+0=7 spans</c>; without it: <c>scan: total 4544 objs</c></summary>
    public static readonly Parser<TraceEvent> ScanLine =
        (from _1 in Lit("scan: ")
         from cls in ScanClass
         from _2 in Lit(" ")
         from ev in (from a in Int
                     from _3 in Lit("+")
                     from b in Int
                     from _4 in Lit("+")
                     from c in Int
                     from _5 in Lit("=")
                     from t in Int
                     from _6 in Lit(" objs, ")
                     from d in Int
                     from _7 in Lit("+")
                     from f in Int
                     from _8 in Lit("=")
                     from s in Int
                     from _9 in Lit(" spans")
                     from e in End
                     select new ScanEvent(0, cls, a, b, c, t, d, f, s))
             .Or(from t in Int
                 from _3 in Lit(" objs")
                 from e in End
                 select new ScanEvent(0, cls, null, null, null, t, null, null, null))
         select (TraceEvent)ev).Named("scan line");

    // ---- dispatch -----------------------------------------------------------------------------------------------

    private static readonly Parser<TraceEvent> GcLineAsEvent = GcLine.Select(c => (TraceEvent)c);
    private static readonly Parser<TraceEvent> ScavLine = ScavLineGo121.Or(ScavLineGo114);
    private static readonly Parser<TraceEvent> PacerLine = PacerEndLine.Or(PacerStartLine).Or(PacerSweepDoneLine).Or(PacerLegacyEndLine);

    /// <summary>
    /// Parses <paramref name="text"/>, which must start with the trace text (any prefix already removed), as one whole
    /// trace line. Returns null when it is not one. Never throws.
    /// </summary>
    public static TraceEvent? TryParse(string text, long line)
    {
        var parser = RuleFor(text);
        if (parser is null) return null;
        var result = parser.TryParse(text);
        return result.WasSuccessful ? WithLine(result.Value, line) : null;
    }

    /// <summary>
    /// True when <paramref name="text"/> would be a whole trace line if its integers were small: every run of digits not
    /// after a decimal point read as "0". Fractions keep their digits, so the @ seconds still need exactly three.
    /// </summary>
    public static bool HasTraceShape(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (start > 0 && text[start - 1] == '.') sb.Append(text, start, i - start);
            else sb.Append('0');
        }
        return TryParse(sb.ToString(), 0) is not null;
    }

    // Dispatch on the line's marker so a line costs one rule, not every rule.
    private static Parser<TraceEvent>? RuleFor(string text) => TraceMarkers.KindAt(text) switch
    {
        TraceLineKind.Gc => GcLineAsEvent,
        TraceLineKind.GcForced => GcForcedLine,
        TraceLineKind.Scav => ScavLine,
        TraceLineKind.Scvg => ScvgLine,
        TraceLineKind.Scan => ScanLine,
        TraceLineKind.Pacer => PacerLine,
        TraceLineKind.Sched => SchedLine,
        _ => null,
    };

    // `with` on the abstract base clones the concrete record, whatever its kind.
    internal static TraceEvent WithLine(TraceEvent e, long line) => e with { Line = line };
}
