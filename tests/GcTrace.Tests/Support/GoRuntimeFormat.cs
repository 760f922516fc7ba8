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
    public static string GcLine(Events.GcFormat era, GcValues v)
    {
        var sb = new StringBuilder();
        sb.Append("gc ").Append(Inv(v.NumGc)).Append(" @").Append(ItoaDiv(v.SinceInitNs / 1_000_000, 3)).Append("s ").Append(Inv(v.Util)).Append('%');
        if (v.LeakCheck) sb.Append(" (checking for goroutine leaks)");
        sb.Append(": ");
        for (var i = 0; i < v.ClockNs.Length; i++)
        {
            if (i != 0) sb.Append('+');
            sb.Append(FmtNSAsMS(v.ClockNs[i]));
        }
        sb.Append(" ms clock, ");
        var slashes = era == Events.GcFormat.Go15 ? new[] { 4, 5 } : [2, 3];
        for (var i = 0; i < v.CpuNs.Length; i++)
        {
            if (slashes.Contains(i)) sb.Append('/');
            else if (i != 0) sb.Append('+');
            sb.Append(FmtNSAsMS(v.CpuNs[i]));
        }
        sb.Append(" ms cpu, ").Append(Inv(v.Heap0 >> 20)).Append("->").Append(Inv(v.Heap1 >> 20)).Append("->").Append(Inv(v.Heap2 >> 20))
            .Append(" MB, ").Append(Inv(v.Goal >> 20)).Append(" MB goal, ");
        if (era == Events.GcFormat.Go118)
            sb.Append(Inv(v.Stacks >> 20)).Append(" MB stacks, ").Append(Inv(v.Globals >> 20)).Append(" MB globals, ");
        sb.Append(Inv(v.MaxProcs)).Append(" P");
        if (v.Forced) sb.Append(" (forced)");
        return sb.ToString();
    }
}
