// The hot path: a span-based parser for the common gc line shapes (go1.6+), proven equal to the grammar by a
// differential test. Anything it does not recognise it declines, and the grammar decides.
using System.Runtime.CompilerServices;
using GcTrace.Events;

namespace GcTrace.Parsing;

/// <summary>
/// Parses go1.6-1.17 and go1.18+ gc lines from ASCII bytes without allocating anything but the event. Declines (returns
/// null) for go1.5 lines, numbers with more than 18 digits and anything unexpected; the caller then asks
/// <see cref="TraceGrammar"/>, which stays the parser of record.
/// </summary>
public static class FastGcLineParser
{
    public static GcCycle? TryParse(ReadOnlySpan<byte> s, long line)
    {
        var c = new Cursor(s);
        if (!c.Lit("gc "u8) || !c.Int(out var number) || !c.Lit(" @"u8) || !c.Dec(out var startS, exactDecimals: 3)
            || !c.Lit("s "u8) || !c.Int(out var util) || util > int.MaxValue || !c.Lit("%"u8))
            return null;
        var leak = c.Lit(" (checking for goroutine leaks)"u8);
        if (!c.Lit(": "u8)
            || !c.Dec(out var c1) || !c.Lit("+"u8) || !c.Dec(out var c2) || !c.Lit("+"u8) || !c.Dec(out var c3)
            || !c.Lit(" ms clock, "u8)
            || !c.Dec(out var p1) || !c.Lit("+"u8) || !c.Dec(out var p2) || !c.Lit("/"u8) || !c.Dec(out var p3)
            || !c.Lit("/"u8) || !c.Dec(out var p4) || !c.Lit("+"u8) || !c.Dec(out var p5)
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

    private ref struct Cursor(ReadOnlySpan<byte> s)
    {
        private readonly ReadOnlySpan<byte> _s = s;
        private int _i;

        public readonly bool AtEnd => _i == _s.Length;

        // One- and two-byte literals ("+", "/", "->", ": ") are most of them: compared inline, they skip the slice and the
        // out-of-line SequenceEqual call; longer ones keep the vectorised compare (a byte loop for all was slower).
        // Inlined into TryParse, every call site has a constant u8 literal: the length switch folds away and the JIT
        // unrolls SequenceEqual against the constant into a few wide loads and compares instead of a call each.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Lit(ReadOnlySpan<byte> lit)
        {
            var rest = _s.Length - _i;
            if (lit.Length > rest) return false;
            switch (lit.Length)
            {
                case 1:
                    if (_s[_i] != lit[0]) return false;
                    break;
                case 2:
                    if (_s[_i] != lit[0] || _s[_i + 1] != lit[1]) return false;
                    break;
                default:
                    if (!_s.Slice(_i, lit.Length).SequenceEqual(lit)) return false;
                    break;
            }

            _i += lit.Length;
            return true;
        }

        // Up to 18 digits so the value fits a long without overflow checks. Locals rather than the fields in the loop: the
        // digit loops were a fifth of a gc-only run. Inlined (into Dec and TryParse) so a number costs no call.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Int(out long value)
        {
            var s = _s;
            var i = _i;
            long v = 0;
            while ((uint)i < (uint)s.Length)
            {
                var d = (uint)(s[i] - '0');
                if (d > 9) break;
                v = (v * 10) + d;
                i++;
            }

            var n = i - _i;
            _i = i;
            value = v;
            return n is > 0 and <= 18;
        }

        // "45", "4.5", "0.004", or "12.503" with exactDecimals 3: the mantissa and scale give exactly the printed digits (0.010 keeps its zero).
        public bool Dec(out decimal value, int exactDecimals = -1)
        {
            value = 0;
            var start = _i;
            if (!Int(out var whole)) return false;
            var mantissa = whole;
            var scale = 0;
            if (_i < _s.Length && _s[_i] == '.')
            {
                _i++;
                var s = _s;
                var i = _i;
                while ((uint)i < (uint)s.Length)
                {
                    var d = (uint)(s[i] - '0');
                    if (d > 9) break;
                    mantissa = (mantissa * 10) + d;
                    i++;
                }
                scale = i - _i;
                _i = i;
                if (scale == 0 || _i - start - 1 > 18) return false;
            }
            if (exactDecimals >= 0 && scale != exactDecimals) return false;
            value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, (byte)scale);
            return true;
        }
    }
}
