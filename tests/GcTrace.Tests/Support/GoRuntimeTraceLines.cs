// Every non-gc trace line kind printed with the runtime's own print sequences (gctrace-format.md §2, §3) and number printers: printuint,
// printint, go1.5-1.25 printfloat and go1.26+ strconv 'g'. Each generated line comes with the event its values mean.
using System.Globalization;
using System.Text;
using GcTrace.Events;

namespace GcTrace.Tests.Support;

public static class GoRuntimeTraceLines
{
    /// <summary>
    /// A printed line and the event it stands for. <see cref="Expected"/> is null when a value cannot be represented (an
    /// integer beyond its field's type): then every parser must decline and the line counts as unrecognized.
    /// <see cref="FastAccepts"/> is false when the fast path may leave the line to the grammar (a 19-digit integer).
    /// </summary>
    public sealed record Line(string Kind, string Text, TraceEvent? Expected, bool FastAccepts);

    /// <summary>The kinds and eras generated, one name each.</summary>
    public static readonly string[] Eras =
    [
        "gc-forced", "scvg-go15", "scvg-go113", "scav-go114", "scav-go115", "scav-go119", "scav-go121",
        "pacer-start-printfloat", "pacer-start-go15int", "pacer-start-go126", "pacer-end-go118", "pacer-end-go126",
        "pacer-legacy-end", "pacer-sweep-printfloat", "pacer-sweep-go126", "sched-go15", "sched-go120", "sched-go125",
        "sched-detail-go15", "sched-detail-go120", "scan-greentea", "scan-plain",
    ];

    /// <summary>One line of <paramref name="era"/> with random values (some at the edges of their types).</summary>
    public static Line Generate(string era, Random rng)
    {
        var g = new Gen(rng);
        var sb = new StringBuilder();
        TraceEvent? e = era switch
        {
            "gc-forced" => GcForced(sb),
            "scvg-go15" => Scvg(g, sb, rng.Next(3) == 0 ? "scvg-1: " : null),
            "scvg-go113" => Scvg(g, sb, rng.Next(2) == 0 ? "scvg: " : "forced scvg: "),
            "scav-go114" => ScavOld(g, sb, generation: false, reset: false),
            "scav-go115" => ScavOld(g, sb, generation: true, reset: true),
            "scav-go119" => ScavOld(g, sb, generation: false, reset: true),
            "scav-go121" => Scav121(g, sb),
            "pacer-start-printfloat" => PacerStart(g, sb, PrintFloat, intFractional: false),
            "pacer-start-go15int" => PacerStart(g, sb, PrintFloat, intFractional: true),
            "pacer-start-go126" => PacerStart(g, sb, ShortestG, intFractional: false),
            "pacer-end-go118" => PacerEnd(g, sb, PrintFloat, resetEra: true),
            "pacer-end-go126" => PacerEnd(g, sb, ShortestG, resetEra: false),
            "pacer-legacy-end" => PacerLegacy(g, sb),
            "pacer-sweep-printfloat" => PacerSweep(g, sb, PrintFloat),
            "pacer-sweep-go126" => PacerSweep(g, sb, ShortestG),
            "sched-go15" => Sched(g, sb, needSpinning: false, spaced: false, detail: false),
            "sched-go120" => Sched(g, sb, needSpinning: true, spaced: false, detail: false),
            "sched-go125" => Sched(g, sb, needSpinning: true, spaced: true, detail: false),
            "sched-detail-go15" => Sched(g, sb, needSpinning: false, spaced: false, detail: true),
            "sched-detail-go120" => Sched(g, sb, needSpinning: true, spaced: false, detail: true),
            "scan-greentea" => Scan(g, sb, greentea: true),
            "scan-plain" => Scan(g, sb, greentea: false),
            _ => throw new ArgumentOutOfRangeException(nameof(era), era, null),
        };
        return new Line(era, sb.ToString(), g.Unrepresentable ? null : e, !g.Unrepresentable && !g.Long19);
    }

    // ---- the runtime's number printers -------------------------------------------------------------------------

    /// <summary>print.go printfloat (go1.5-1.25): 7 significant digits, <c>+d.dddddde±ddd</c>, <c>+Inf</c>, <c>NaN</c>.</summary>
    public static string PrintFloat(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (v + v == v && v > 0) return "+Inf";
        if (v + v == v && v < 0) return "-Inf";
        const int n = 7;
        var buf = new char[n + 7];
        buf[0] = '+';
        var e = 0;
        if (v == 0)
        {
            if (double.IsNegative(v)) buf[0] = '-';
        }
        else
        {
            if (v < 0)
            {
                v = -v;
                buf[0] = '-';
            }
            while (v >= 10)
            {
                e++;
                v /= 10;
            }
            while (v < 1)
            {
                e--;
                v *= 10;
            }
            var h = 5.0;
            for (var i = 0; i < n; i++) h /= 10;
            v += h;
            if (v >= 10)
            {
                e++;
                v /= 10;
            }
        }
        for (var i = 0; i < n; i++)
        {
            var s = (int)v;
            buf[i + 2] = (char)(s + '0');
            v -= s;
            v *= 10;
        }
        buf[1] = buf[2];
        buf[2] = '.';
        buf[n + 2] = 'e';
        buf[n + 3] = '+';
        if (e < 0)
        {
            e = -e;
            buf[n + 3] = '-';
        }
        buf[n + 4] = (char)(e / 100 + '0');
        buf[n + 5] = (char)(e / 10 % 10 + '0');
        buf[n + 6] = (char)(e % 10 + '0');
        return new string(buf);
    }

    /// <summary>
    /// go1.26+ printfloat64: strconv.AppendFloat(v, 'g', -1, 64). Shortest round-trip digits, %e (two exponent digits at
    /// least) when the exponent is below -4 or at least 6 (ftoa.go: eprec is 6 for the shortest form), else %f.
    /// </summary>
    public static string ShortestG(double v)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "+Inf";
        if (double.IsNegativeInfinity(v)) return "-Inf";
        var neg = v < 0 || (v == 0 && double.IsNegative(v));
        var r = Math.Abs(v).ToString("E16", CultureInfo.InvariantCulture);
        // Shortest digits: the fewest significant digits that round-trip.
        string digits = "0";
        var exp = 0;
        if (v != 0)
        {
            for (var p = 1; p <= 17; p++)
            {
                var t = Math.Abs(v).ToString("E" + (p - 1), CultureInfo.InvariantCulture);
                if (double.Parse(t, CultureInfo.InvariantCulture) == Math.Abs(v))
                {
                    r = t;
                    break;
                }
            }
            var ePos = r.IndexOf('E');
            digits = r[..ePos].Replace(".", "").TrimEnd('0');
            if (digits.Length == 0) digits = "0";
            exp = int.Parse(r[(ePos + 1)..], CultureInfo.InvariantCulture);
        }
        var sb = new StringBuilder();
        if (neg) sb.Append('-');
        if (v != 0 && (exp < -4 || exp >= 6))
        {
            sb.Append(digits[0]);
            if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
            sb.Append('e').Append(exp < 0 ? '-' : '+');
            var a = Math.Abs(exp);
            if (a < 10) sb.Append('0');
            sb.Append(a.ToString(CultureInfo.InvariantCulture));
            return sb.ToString();
        }
        // %f with exactly the shortest digits: dp = exp + 1 digits before the point.
        var dp = v == 0 ? 1 : exp + 1;
        if (dp <= 0)
        {
            sb.Append("0.").Append('0', -dp).Append(digits);
        }
        else if (dp >= digits.Length)
        {
            sb.Append(digits).Append('0', dp - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, dp).Append('.').Append(digits, dp, digits.Length - dp);
        }
        return sb.ToString();
    }

    private static double ParsedFloat(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    // Random values of the runtime's types, noting whether one cannot be represented or has 19 digits.
    private sealed class Gen(Random rng)
    {
        public bool Unrepresentable;
        public bool Long19;
        public Random Rng => rng;

        /// <summary>A uint64 as printuint prints it; beyond long.MaxValue it cannot be represented.</summary>
        public long U64(StringBuilder sb, bool huge = true)
        {
            var v = (huge ? rng.Next(64) : rng.Next(1, 64)) switch
            {
                0 => ulong.MaxValue - (ulong)rng.NextInt64(0, 1L << 40),
                1 => (ulong)rng.NextInt64(1_000_000_000_000_000_000, long.MaxValue),
                2 => (ulong)rng.NextInt64(0, long.MaxValue),
                < 20 => (ulong)rng.Next(0, 100),
                < 40 => (ulong)rng.NextInt64(0, 1L << 40),
                _ => (ulong)rng.Next(0, 100_000),
            };
            sb.Append(v.ToString(CultureInfo.InvariantCulture));
            if (v > long.MaxValue) Unrepresentable = true;
            else if (v >= 1_000_000_000_000_000_000) Long19 = true;
            return (long)v;
        }

        /// <summary>A uint64 where the line is read as floats (the legacy pacer line): every value is represented.</summary>
        public double U64AsFloat(StringBuilder sb)
        {
            var v = rng.Next(8) == 0 ? ulong.MaxValue - (ulong)rng.NextInt64(0, 1L << 40) : (ulong)rng.NextInt64(0, 1L << 40);
            sb.Append(v.ToString(CultureInfo.InvariantCulture));
            return v;
        }

        /// <summary>A value printed into an int field (P counts, percentages): beyond int.MaxValue it cannot be represented.</summary>
        public int I32(StringBuilder sb, bool huge = true)
        {
            long v = (huge ? rng.Next(20) : rng.Next(1, 20)) switch
            {
                0 => rng.NextInt64((long)int.MaxValue + 1, 1L << 40),
                1 => rng.Next(0, int.MaxValue),
                _ => rng.Next(0, 300),
            };
            sb.Append(v.ToString(CultureInfo.InvariantCulture));
            if (v > int.MaxValue) Unrepresentable = true;
            return (int)v;
        }

        /// <summary>printint of an int64 (may be negative).</summary>
        public long I64(StringBuilder sb)
        {
            var v = rng.Next(6) switch
            {
                0 => -rng.NextInt64(0, 1L << 40),
                1 => rng.NextInt64(long.MinValue + 1, 0),
                _ => rng.NextInt64(-100_000, 100_000_000),
            };
            sb.Append(v.ToString(CultureInfo.InvariantCulture));
            if (Math.Abs(v) >= 1_000_000_000_000_000_000) Long19 = true;
            return v;
        }

        public double Float() => rng.Next(16) switch
        {
            0 => 0,
            1 => double.PositiveInfinity,
            2 => double.NaN,
            3 => double.NegativeInfinity,
            4 => -rng.NextDouble() * 10,
            5 => rng.NextDouble() * Math.Pow(10, rng.Next(-30, 30)),
            6 => Math.Round(rng.NextDouble(), rng.Next(1, 6)),
            7 => rng.Next(0, 1000),
            _ => rng.NextDouble() * 4,
        };

        /// <summary>Prints a float with <paramref name="print"/> and returns the value the text means.</summary>
        public double F(StringBuilder sb, Func<double, string> print)
        {
            var text = print(Float());
            sb.Append(text);
            return ParsedFloat(text);
        }
    }

    // ---- the print sequences -----------------------------------------------------------------------------------

    // proc.go forcegchelper: println("GC forced")
    private static TraceEvent GcForced(StringBuilder sb)
    {
        sb.Append("GC forced");
        return new GcForced(0);
    }

    // mheap.go (go1.5-1.12) / mgcscavenge.go (go1.13): print("scvg", k, ": ", released>>20, " MB released\n") and the inuse line.
    private static TraceEvent Scvg(Gen g, StringBuilder sb, string? prefix)
    {
        int? seq = null;
        if (prefix is null)
        {
            var k = g.Rng.Next(3) == 0 ? g.Rng.Next(0, int.MaxValue) : g.Rng.Next(0, 50);
            sb.Append("scvg").Append(k.ToString(CultureInfo.InvariantCulture)).Append(": ");
            seq = k;
        }
        else
        {
            sb.Append(prefix);
            seq = prefix == "scvg-1: " ? -1 : null;
        }
        var forced = prefix == "forced scvg: ";
        if (g.Rng.Next(2) == 0)
        {
            var r = g.U64(sb);
            sb.Append(" MB released");
            return new ScvgEvent(0, seq, forced, r, null, null, null, null, null);
        }
        sb.Append("inuse: ");
        var inuse = g.U64(sb);
        sb.Append(", idle: ");
        var idle = g.U64(sb);
        sb.Append(", sys: ");
        var sys = g.U64(sb);
        sb.Append(", released: ");
        var rel = g.U64(sb);
        sb.Append(", consumed: ");
        var cons = g.U64(sb);
        sb.Append(" (MB)");
        return new ScvgEvent(0, seq, forced, null, inuse, idle, sys, rel, cons);
    }

    // Suffix of every scav era: `if forced { print(" (forced)") } else if printControllerReset { print(" [controller reset]") }`.
    private static (bool Forced, bool Reset) ScavSuffix(Gen g, StringBuilder sb, bool resetEra)
    {
        var k = g.Rng.Next(resetEra ? 3 : 2);
        if (k == 1) sb.Append(" (forced)");
        if (k == 2) sb.Append(" [controller reset]");
        return (k == 1, k == 2);
    }

    // go1.14 / go1.15-1.18 (gen) / go1.19-1.20: "scav [gen ]W KiB work, N KiB total, U% util"
    private static TraceEvent ScavOld(Gen g, StringBuilder sb, bool generation, bool reset)
    {
        sb.Append("scav ");
        long? gen = null;
        if (generation)
        {
            gen = g.U64(sb);
            sb.Append(' ');
        }
        var work = g.U64(sb);
        sb.Append(" KiB work, ");
        var total = g.U64(sb);
        sb.Append(" KiB total, ");
        var util = g.I32(sb);
        sb.Append("% util");
        var (forced, r) = ScavSuffix(g, sb, reset);
        return new ScavEvent(0, gen, work, null, null, total, util, forced, r);
    }

    // go1.21+ printScavTrace
    private static TraceEvent Scav121(Gen g, StringBuilder sb)
    {
        sb.Append("scav ");
        var bg = g.U64(sb);
        sb.Append(" KiB work (bg), ");
        var eager = g.U64(sb);
        sb.Append(" KiB work (eager), ");
        var now = g.U64(sb);
        sb.Append(" KiB now, ");
        var util = g.I32(sb);
        sb.Append("% util");
        var (forced, reset) = ScavSuffix(g, sb, true);
        return new ScavEvent(0, null, null, bg, eager, now, util, forced, reset);
    }

    private static KeyValuePair<string, double> P(string k, double v) => new(k, v);

    // mgcpacer.go startCycle: print("pacer: assist ratio=", assistRatio, " (scan ", heapScan>>20, " MB in ", live>>20, "->", goal>>20, " MB)", " workers=", dedicated, "+", fractional, "\n")
    private static TraceEvent PacerStart(Gen g, StringBuilder sb, Func<double, string> print, bool intFractional)
    {
        sb.Append("pacer: assist ratio=");
        var ratio = g.F(sb, print);
        sb.Append(" (scan ");
        var scan = g.U64(sb);
        sb.Append(" MB in ");
        var live = g.U64(sb);
        sb.Append("->");
        var goal = g.U64(sb);
        sb.Append(" MB) workers=");
        var dedicated = g.U64(sb, huge: false);
        sb.Append('+');
        // go1.5-1.9 printed fractionalMarkWorkersNeeded, an int64.
        double fractional = intFractional ? g.U64(sb, huge: false) : g.F(sb, print);
        return new PacerEvent(0, "start",
        [
            P("assist_ratio", ratio), P("heap_scan_mb", scan), P("heap_live_mb", live), P("heap_goal_mb", goal),
            P("dedicated_workers", dedicated), P("fractional_workers", fractional),
        ]);
    }

    // mgcpacer.go (go1.18+) end of cycle, with "[controller reset]" only in 1.18-1.19.
    private static TraceEvent PacerEnd(Gen g, StringBuilder sb, Func<double, string> print, bool resetEra)
    {
        sb.Append("pacer: ");
        var cpu = g.U64(sb, huge: false);
        sb.Append("% CPU (");
        var exp = g.U64(sb, huge: false);
        sb.Append(" exp.) for ");
        var hw = g.U64(sb);
        sb.Append('+');
        var sw = g.U64(sb);
        sb.Append('+');
        var gw = g.U64(sb);
        sb.Append(" B work (");
        var ew = g.U64(sb);
        sb.Append(" B exp.) in ");
        var trig = g.U64(sb);
        sb.Append(" B -> ");
        var live = g.U64(sb);
        sb.Append(" B (\u2206goal ");
        var delta = g.I64(sb);
        sb.Append(", cons/mark ");
        var cm = g.F(sb, print);
        sb.Append(')');
        var reset = resetEra && g.Rng.Next(4) == 0;
        if (reset) sb.Append(" [controller reset]");
        return new PacerEvent(0, "end",
        [
            P("cpu_pct", cpu), P("expected_cpu_pct", exp), P("heap_scan_work_b", hw), P("stack_scan_work_b", sw),
            P("globals_scan_work_b", gw), P("expected_work_b", ew), P("trigger_b", trig), P("live_b", live),
            P("goal_delta_b", delta), P("cons_mark", cm),
        ])
        { ControllerReset = reset };
    }

    // mgc.go go1.5-1.17 gcSetTriggerRatio/endCycle: uints and printfloats, Δ = U+0394.
    private static TraceEvent PacerLegacy(Gen g, StringBuilder sb)
    {
        (string Printed, string Name, bool IsFloat)[] names =
        [
            ("H_m_prev", "heap_marked_prev_b", false), ("h_t", "trigger_ratio", true), ("H_T", "trigger_b", false),
            ("h_a", "actual_growth_ratio", true), ("H_a", "heap_actual_b", false), ("h_g", "goal_growth_ratio", true),
            ("H_g", "goal_b", false), ("u_a", "utilization_actual", true), ("u_g", "utilization_goal", true),
            ("W_a", "scan_work_b", false), ("goal\u0394", "goal_delta", true), ("actual\u0394", "actual_delta", true),
            ("u_a/u_g", "utilization_ratio", true),
        ];
        sb.Append("pacer: ");
        var fields = new List<KeyValuePair<string, double>>();
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(names[i].Printed).Append('=');
            fields.Add(P(names[i].Name, names[i].IsFloat ? g.F(sb, PrintFloat) : g.U64AsFloat(sb)));
        }
        return new PacerEvent(0, "end", fields.ToArray());
    }

    // mgcsweep.go: print("pacer: sweep done at heap size ", live>>20, "MB; allocated ", (live-basis)>>20, "MB during sweep; swept ", pages, " pages at ", ratio, " pages/byte\n")
    private static TraceEvent PacerSweep(Gen g, StringBuilder sb, Func<double, string> print)
    {
        sb.Append("pacer: sweep done at heap size ");
        var size = g.U64(sb);
        sb.Append("MB; allocated ");
        var alloc = g.U64(sb);
        sb.Append("MB during sweep; swept ");
        var pages = g.U64(sb);
        sb.Append(" pages at ");
        var rate = g.F(sb, print);
        sb.Append(" pages/byte");
        return new PacerEvent(0, "sweep-done", [P("heap_size_mb", size), P("allocated_mb", alloc), P("swept_pages", pages), P("pages_per_byte", rate)]);
    }

    // proc.go schedtrace, every era (gctrace-format.md §3.2).
    private static TraceEvent Sched(Gen g, StringBuilder sb, bool needSpinning, bool spaced, bool detail)
    {
        sb.Append("SCHED ");
        var ms = g.U64(sb, huge: false);
        sb.Append("ms: gomaxprocs=");
        var procs = g.I32(sb);
        sb.Append(" idleprocs=");
        var idle = g.I32(sb);
        sb.Append(" threads=");
        var threads = g.I32(sb);
        sb.Append(" spinningthreads=");
        var spinning = g.I32(sb);
        int? need = null;
        if (needSpinning)
        {
            sb.Append(" needspinning=");
            need = g.I32(sb);
        }
        sb.Append(" idlethreads=");
        var idleThreads = g.I32(sb);
        sb.Append(" runqueue=");
        var runqueue = g.U64(sb, huge: false);
        if (detail)
        {
            // go1.20+ prints atomic.Bool as true/false; earlier uint32 as 0/1.
            var b = needSpinning ? (g.Rng.Next(2) == 0 ? "true" : "false") : g.Rng.Next(2).ToString(CultureInfo.InvariantCulture);
            var d = $"gcwaiting={b} nmidlelocked={g.Rng.Next(5)} stopwait={g.Rng.Next(3)} sysmonwait={b}";
            sb.Append(' ').Append(d);
            return new SchedEvent(0, ms, procs, idle, threads, spinning, need, idleThreads, runqueue, [], null, d);
        }
        var ps = g.Rng.Next(1, 9);
        var queues = Enumerable.Range(0, ps).Select(_ => (long)g.Rng.Next(0, g.Rng.Next(2) == 0 ? 5 : 100_000)).ToArray();
        long[]? ticks = null;
        if (spaced)
        {
            sb.Append(" [ ").AppendJoin(' ', queues).Append(" ]");
            ticks = Enumerable.Range(0, ps).Select(_ => g.Rng.NextInt64(0, 1L << 40)).ToArray();
            sb.Append(" schedticks=[ ");
            foreach (var t in ticks) sb.Append(t.ToString(CultureInfo.InvariantCulture)).Append(' ');
            sb.Append(']');
        }
        else
        {
            sb.Append(" [").AppendJoin(' ', queues).Append(']');
        }
        return new SchedEvent(0, ms, procs, idle, threads, spinning, need, idleThreads, runqueue, queues, ticks, null);
    }

    // mgcmark_greenteagc.go / mgcmark_nogreenteagc.go dumpScanStats (go1.25+).
    private static TraceEvent Scan(Gen g, StringBuilder sb, bool greentea)
    {
        sb.Append("scan: ");
        string? cls = g.Rng.Next(4) switch
        {
            0 => null,
            1 => "L",
            _ => new[] { 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 1024, 8192, 27264, 32768 }[g.Rng.Next(14)].ToString(CultureInfo.InvariantCulture) + "B",
        };
        sb.Append(cls is null ? "total " : "class " + cls + " ");
        if (!greentea)
        {
            var t = g.U64(sb);
            sb.Append(" objs");
            return new ScanEvent(0, cls, null, null, null, t, null, null, null);
        }
        var a = g.U64(sb);
        sb.Append('+');
        var b = g.U64(sb);
        sb.Append('+');
        var c = g.U64(sb);
        sb.Append('=');
        var total = g.U64(sb);
        sb.Append(" objs, ");
        var d = g.U64(sb);
        sb.Append('+');
        var e = g.U64(sb);
        sb.Append('=');
        var spans = g.U64(sb);
        sb.Append(" spans");
        return new ScanEvent(0, cls, a, b, c, total, d, e, spans);
    }
}
