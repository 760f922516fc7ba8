// The reading head every span fast path shares: literals, the runtime's integer, ms and float forms, straight from bytes.
using System.Globalization;
using System.Runtime.CompilerServices;

namespace GcTrace.Parsing;

/// <summary>
/// A position in one line of ASCII bytes. Every method either consumes what it matched and returns true, or returns false
/// (the caller then declines the whole line, so a half-consumed position is never used again). Numbers are read only in
/// the forms the runtime prints (gctrace-format.md §1.2) and only where they fit without overflow checks; anything else is a false, and
/// the grammar of record decides.
/// </summary>
internal ref struct ByteCursor(ReadOnlySpan<byte> s)
{
    /// <summary>Digits read into a long without overflow checks (10^18 - 1 fits; 19 digits might not).</summary>
    public const int MaxIntDigits = 18;

    private readonly ReadOnlySpan<byte> input = s;
    private int pos;

    public readonly bool AtEnd => pos == input.Length;

    /// <summary>The byte at the position, or 0 at the end.</summary>
    public readonly byte Peek => pos < input.Length ? input[pos] : (byte)0;

    /// <summary>The unread rest of the line.</summary>
    public readonly ReadOnlySpan<byte> Rest => input[pos..];

    /// <summary>Consumes everything (after the caller used <see cref="Rest"/>).</summary>
    public void SkipToEnd() => pos = input.Length;

    // One- and two-byte literals ("+", "/", "->", ": ") are most of them: compared inline, they skip the slice and the
    // out-of-line SequenceEqual call; longer ones keep the vectorised compare (a byte loop for all was slower).
    // Inlined into the parsers, every call site has a constant u8 literal: the length switch folds away and the JIT
    // unrolls SequenceEqual against the constant into a few wide loads and compares instead of a call each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Lit(ReadOnlySpan<byte> lit)
    {
        var rest = input.Length - pos;
        if (lit.Length > rest) return false;
        switch (lit.Length)
        {
            case 1:
                if (input[pos] != lit[0]) return false;
                break;
            case 2:
                if (input[pos] != lit[0] || input[pos + 1] != lit[1]) return false;
                break;
            default:
                if (!input.Slice(pos, lit.Length).SequenceEqual(lit)) return false;
                break;
        }

        pos += lit.Length;
        return true;
    }

    // Up to 18 digits so the value fits a long without overflow checks. Locals rather than the fields in the loop: the
    // digit loops were a fifth of a gc-only run. Inlined (into Dec and the parsers) so a number costs no call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Int(out long value)
    {
        var s = input;
        var i = pos;
        long v = 0;
        while ((uint)i < (uint)s.Length)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9) break;
            v = (v * 10) + d;
            i++;
        }

        var n = i - pos;
        pos = i;
        value = v;
        return n is > 0 and <= MaxIntDigits;
    }

    /// <summary>An integer that must fit an int (P counts, percentages, thread counts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Int32(out int value)
    {
        var ok = Int(out var v) && v <= int.MaxValue;
        value = (int)v;
        return ok;
    }

    /// <summary>printint: an optional '-' then digits (the pacer's goal delta, scvg-1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool SignedInt(out long value)
    {
        var negative = Lit("-"u8);
        var ok = Int(out var v);
        value = negative ? -v : v;
        return ok;
    }

    /// <summary>
    /// "45", "4.5", "0.004", or "12.503" with exactDecimals 3: the mantissa and scale give exactly the printed digits (0.010
    /// keeps its zero). At most <paramref name="maxWholeDigits"/> before the point (<see cref="TraceLimits"/>).
    /// </summary>
    public bool Dec(out decimal value, int maxWholeDigits, int exactDecimals = -1)
    {
        value = 0;
        var start = pos;
        if (!Int(out var whole) || pos - start > maxWholeDigits) return false;
        var mantissa = whole;
        var scale = 0;
        if (pos < input.Length && input[pos] == '.')
        {
            pos++;
            var s = input;
            var i = pos;
            while ((uint)i < (uint)s.Length)
            {
                var d = (uint)(s[i] - '0');
                if (d > 9) break;
                mantissa = (mantissa * 10) + d;
                i++;
            }
            scale = i - pos;
            pos = i;
            if (scale == 0 || pos - start - 1 > MaxIntDigits) return false;
        }
        if (exactDecimals >= 0 && scale != exactDecimals) return false;
        value = new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, false, (byte)scale);
        return true;
    }

    /// <summary>
    /// The runtime's floats (gctrace-format.md §1.2): printfloat <c>+8.750000e-001</c>, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c> (go1.5-1.25)
    /// and strconv 'g' <c>0.875</c>, <c>1e-05</c> (go1.26+). Only these shapes are taken; the digits go to the same
    /// invariant double parser the grammar uses, so the value is bit for bit the grammar's.
    /// </summary>
    public bool Float(out double value)
    {
        value = 0;
        var start = pos;
        var sign = Peek;
        if (sign is (byte)'+' or (byte)'-') pos++;
        if (Lit("Inf"u8))
        {
            value = sign == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (sign is not ((byte)'+' or (byte)'-') && Lit("NaN"u8))
        {
            value = double.NaN;
            return true;
        }
        if (!Digits()) return false;
        if (Lit("."u8) && !Digits()) return false;
        if (Lit("e"u8))
        {
            if (Peek is (byte)'+' or (byte)'-') pos++;
            if (!Digits()) return false;
        }
        return double.TryParse(input[start..pos], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private bool Digits()
    {
        var start = pos;
        while (pos < input.Length && (uint)(input[pos] - '0') <= 9) pos++;
        return pos > start;
    }
}
