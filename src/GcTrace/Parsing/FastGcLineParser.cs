// The hot path: a span-based parser for the common gc line shapes (go1.6+), proven equal to the grammar by a
// differential test. Anything it does not recognise it declines, and the grammar decides.
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// Parses go1.6-1.17 and go1.18+ gc lines from ASCII bytes without allocating anything but the event. Declines (returns
/// null) for go1.5 lines, numbers with more than 18 digits and anything unexpected; the caller then asks
/// <see cref="TraceGrammar"/>, which stays the parser of record.
/// </summary>
public static class FastGcLineParser
{
    private const int Ms = TraceLimits.MaxMsWholeDigits;

    public static GcCycle? TryParse(ReadOnlySpan<byte> s, long line)
    {
        var c = new ByteCursor(s);
        if (!c.Lit("gc "u8) || !c.Int(out var number) || !c.Lit(" @"u8) || !c.Dec(out var startS, TraceLimits.MaxSecondsWholeDigits, exactDecimals: 3)
            || !c.Lit("s "u8) || !c.Int(out var util) || util > int.MaxValue || !c.Lit("%"u8))
            return null;
        var leak = c.Lit(" (checking for goroutine leaks)"u8);
        if (!c.Lit(": "u8)
            || !c.Dec(out var c1, Ms) || !c.Lit("+"u8) || !c.Dec(out var c2, Ms) || !c.Lit("+"u8) || !c.Dec(out var c3, Ms)
            || !c.Lit(" ms clock, "u8)
            || !c.Dec(out var p1, Ms) || !c.Lit("+"u8) || !c.Dec(out var p2, Ms) || !c.Lit("/"u8) || !c.Dec(out var p3, Ms)
            || !c.Lit("/"u8) || !c.Dec(out var p4, Ms) || !c.Lit("+"u8) || !c.Dec(out var p5, Ms)
            || !c.Lit(" ms cpu, "u8)
            || !c.Int(out var h0) || !c.Lit("->"u8) || !c.Int(out var h1) || !c.Lit("->"u8) || !c.Int(out var h2)
            || !c.Lit(" MB, "u8) || !c.Int(out var goal) || !c.Lit(" MB goal, "u8) || !c.Int(out var n1))
            return null;

        long? stacks = null, globals = null;
        long procs;
        if (c.Lit(" MB stacks, "u8))
        {
            if (!c.Int(out var g) || !c.Lit(" MB globals, "u8) || !c.Int(out procs)) return null;
            stacks = n1;
            globals = g;
        }
        else
        {
            procs = n1;
        }
        if (!c.Lit(" P"u8) || procs > int.MaxValue) return null;
        var forced = c.Lit(" (forced)"u8);
        if (!c.AtEnd) return null;

        return new GcCycle(line, stacks is null ? GcFormat.Go16 : GcFormat.Go118, number, startS, (int)util, leak,
            c1, c2, c3, p1, p2, p3, p4, p5, h0, h1, h2, goal, stacks, globals, (int)procs, forced);
    }
}
