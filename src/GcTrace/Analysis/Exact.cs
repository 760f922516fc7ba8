// A decimal as a whole number of millionths plus the scale the decimal had, so the analyzers add and compare in long
// arithmetic and still give back exactly the decimal (digits and trailing zeros) that decimal arithmetic would have.
namespace GcTrace.Analysis;

/// <summary>
/// The value is <see cref="Units"/> x 10^-6 (seconds or ms, whichever the quantity is in). Decimal addition keeps the
/// larger scale and multiplication by an integer keeps the scale, so carrying the scale beside the units reproduces the
/// summaries' decimals byte for byte (System.Text.Json prints trailing zeros). The runtime prints at most three decimals
/// (seconds and ms), so every input is a whole number of units; a finer value (never printed) is rounded to one.
/// decimal arithmetic was half the cpu of a gc-only log (docs/benchmarks.md).
/// </summary>
internal readonly record struct Exact(long Units, int Scale)
{
    private const int UnitScale = 6;

    private static readonly long[] Pow10 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000,
    ];

    public static Exact Of(decimal d)
    {
        // decimal.GetBits copies through a span and was a third of this method; the layout of decimal (flags, high 32
        // bits, low 64 bits) has been fixed since .NET Core 3.0.
        ref readonly var bits = ref System.Runtime.CompilerServices.Unsafe.As<decimal, DecimalBits>(ref d);
        var scale = (bits.Flags >> 16) & 0xFF;
        var negative = bits.Flags < 0;
        var mantissa = bits.Low64;
        if (bits.High32 != 0 || mantissa > long.MaxValue / 1_000_000) return Slow(d, scale);
        long units;
        if (scale <= UnitScale) units = (long)mantissa * Pow10[UnitScale - scale];
        else if (scale - UnitScale < Pow10.Length) units = (long)Math.Round((decimal)mantissa / Pow10[scale - UnitScale], MidpointRounding.ToEven);
        else return Slow(d, scale);
        return new Exact(negative ? -units : units, scale);
    }

    private static Exact Slow(decimal d, int scale) => new((long)decimal.Round(d * 1_000_000m), scale);

    public static Exact operator +(Exact a, Exact b) => new(a.Units + b.Units, Math.Max(a.Scale, b.Scale));

    public static Exact operator -(Exact a, Exact b) => new(a.Units - b.Units, Math.Max(a.Scale, b.Scale));

    /// <summary>Times an integer (decimal keeps the scale).</summary>
    public Exact Times(long k) => new(Units * k, Scale);

    /// <summary>The decimal with this value and scale.</summary>
    public decimal ToDecimal()
    {
        Int128 mantissa = Scale >= UnitScale ? (Int128)Units * Pow10Big(Scale - UnitScale) : Units / Pow10[UnitScale - Scale];
        var negative = mantissa < 0;
        if (negative) mantissa = -mantissa;
        var m = (UInt128)mantissa;
        return new decimal((int)(uint)m, (int)(uint)(m >> 32), (int)(uint)(m >> 64), negative, (byte)Scale);
    }

    private static Int128 Pow10Big(int n)
    {
        Int128 p = 1;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private readonly struct DecimalBits
    {
        public readonly int Flags;
        public readonly uint High32;
        public readonly ulong Low64;
    }
}
