// A line-for-line C# port of the runtime's number printers (gctrace-format.md §1.2, mgc.go itoaDiv/fmtNSAsMS) and of the gc line
// print sequences (gctrace-format.md §1.4), so generated test lines are byte-identical to what the runtime would write.
using System.Globalization;
using System.Text;

namespace GcTrace.Tests.Support;

public static class GoRuntimeFormat
{
    /// <summary>mgc.go itoaDiv: val/10^dec with exactly dec decimals.</summary>
    public static string ItoaDiv(ulong val, int dec)
    {
        var buf = new char[24];
        var i = buf.Length - 1;
        var idec = i - dec;
        while (val >= 10 || i >= idec)
        {
            buf[i] = (char)(val % 10 + '0');
            i--;
            if (i == idec)
            {
                buf[i] = '.';
                i--;
            }
            val /= 10;
        }
        buf[i] = (char)(val + '0');
        return new string(buf, i, buf.Length - i);
    }

    /// <summary>mgc.go fmtNSAsMS: nanoseconds as milliseconds, at most two significant digits below 10 ms, truncated.</summary>
    public static string FmtNSAsMS(ulong ns)
    {
        if (ns >= 10_000_000) return ItoaDiv(ns / 1_000_000, 0);
        var x = ns / 1000;
        if (x == 0) return "0";
        var dec = 3;
        while (x >= 100)
        {
            x /= 10;
            dec--;
        }
        return ItoaDiv(x, dec);
    }

    private static string Inv(ulong v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The values a gc line prints, before formatting (ns for times, bytes for sizes, like the runtime holds them).</summary>
    public sealed record GcValues(
        uint NumGc, ulong SinceInitNs, int Util, bool LeakCheck,
        ulong[] ClockNs, ulong[] CpuNs, ulong Heap0, ulong Heap1, ulong Heap2, ulong Goal, ulong Stacks, ulong Globals,
        int MaxProcs, bool Forced);

    /// <summary>
    /// The gc line as the runtime of <paramref name="era"/> prints it (no line end). go1.5 takes 5 clock and 7 cpu values,
    /// later eras 3 and 5. The leak-check text only exists from go1.26, which shares the go1.18 layout.
    /// </summary>
    public static string GcLine(Events.GcFormat era, GcValues v) => GcLineLayout(
        era, Inv(v.NumGc), ItoaDiv(v.SinceInitNs / 1_000_000, 3), Inv(v.Util), v.LeakCheck,
        v.ClockNs.Select(FmtNSAsMS).ToArray(), v.CpuNs.Select(FmtNSAsMS).ToArray(),
        [Inv(v.Heap0 >> 20), Inv(v.Heap1 >> 20), Inv(v.Heap2 >> 20), Inv(v.Goal >> 20)],
        era == Events.GcFormat.Go118 ? (Inv(v.Stacks >> 20), Inv(v.Globals >> 20)) : null, Inv(v.MaxProcs), v.Forced);

    /// <summary>
    /// The gc line's print sequence (gctrace-format.md §1.4) around numbers already printed: the clock phases joined by
    /// '+', the cpu phases by '+' with the assist/background/idle triple joined by '/' (go1.5 prints 7 cpu values, later
    /// eras 5); heap is start, end, live and goal in MB; stacks and globals exist from go1.18 on.
    /// </summary>
    public static string GcLineLayout(Events.GcFormat era, string number, string seconds, string util, bool leakCheck,
        string[] clock, string[] cpu, string[] heap, (string Stacks, string Globals)? scan, string procs, bool forced)
    {
        var sb = new StringBuilder();
        sb.Append("gc ").Append(number).Append(" @").Append(seconds).Append("s ").Append(util).Append('%');
        if (leakCheck) sb.Append(" (checking for goroutine leaks)");
        sb.Append(": ").AppendJoin('+', clock).Append(" ms clock, ");
        var slashes = era == Events.GcFormat.Go15 ? new[] { 4, 5 } : [2, 3];
        for (var i = 0; i < cpu.Length; i++)
        {
            if (slashes.Contains(i)) sb.Append('/');
            else if (i != 0) sb.Append('+');
            sb.Append(cpu[i]);
        }
        sb.Append(" ms cpu, ").Append(heap[0]).Append("->").Append(heap[1]).Append("->").Append(heap[2])
            .Append(" MB, ").Append(heap[3]).Append(" MB goal, ");
        if (scan is { } s) sb.Append(s.Stacks).Append(" MB stacks, ").Append(s.Globals).Append(" MB globals, ");
        sb.Append(procs).Append(" P");
        if (forced) sb.Append(" (forced)");
        return sb.ToString();
    }
}
