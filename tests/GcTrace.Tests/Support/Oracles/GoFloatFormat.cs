// GoFloatFormat: Go's fmt `%.Nf` and `%.Ng` for float64, so pprof's numbers can be reproduced byte for byte.
using System.Globalization;
using System.Numerics;
using System.Text;

using GcTrace.Profiles;

namespace GcTrace.Tests.Support.Oracles;
/// <summary>
/// Go rounds the exact binary value half-to-even (strconv ftoa), while .NET's "F2" rounds ties away from zero:
/// 1152 B = 1.125 kB prints "1.12kB" in pprof but "1.13" in .NET. So the decimal digits are computed exactly here.
/// </summary>
internal static class GoFloatFormat
{
    /// <summary>fmt.Sprintf("%.{decimals}f", value).</summary>
    public static string Fixed(double value, int decimals)
    {
        var n = RoundScaled(Math.Abs(value), decimals);
        var digits = n.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var sb = new StringBuilder();
        if (value < 0 || (value == 0 && double.IsNegative(value)))
        {
            sb.Append('-');
        }

        sb.Append(digits, 0, digits.Length - decimals);
        if (decimals > 0)
        {
            sb.Append('.').Append(digits, digits.Length - decimals, decimals);
        }

        return sb.ToString();
    }

    /// <summary>fmt.Sprintf("%.{precision}g", value) for finite values (strconv.FormatFloat(v, 'g', precision, 64)).</summary>
    public static string General(double value, int precision)
    {
        var sign = value < 0 ? "-" : "";
        var v = Math.Abs(value);
        if (v == 0)
        {
            return sign + "0";
        }

        // Find the scale s with 10^(p-1) <= round(v*10^s) < 10^p.
        var s = precision - 1 - (int)Math.Floor(Math.Log10(v));
        var low = BigInteger.Pow(10, precision - 1);
        var high = BigInteger.Pow(10, precision);
        var n = RoundScaled(v, s);
        while (n >= high) { s--; n = RoundScaled(v, s); }
        while (n < low) { s++; n = RoundScaled(v, s); }

        var digits = n.ToString(CultureInfo.InvariantCulture).TrimEnd('0');
        var exp = precision - 1 - s; // value = d.ddd × 10^exp
        var dp = exp + 1;
        var eprec = precision;
        if (eprec > digits.Length && digits.Length >= dp)
        {
            eprec = digits.Length;
        }

        if (exp < -4 || exp >= eprec)
        {
            var mantissa = digits.Length > 1 ? digits[..1] + "." + digits[1..] : digits;
            var expSign = exp < 0 ? "-" : "+";
            return sign + mantissa + "e" + expSign + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        if (dp <= 0)
        {
            return sign + "0." + new string('0', -dp) + digits;
        }

        if (dp >= digits.Length)
        {
            return sign + digits + new string('0', dp - digits.Length);
        }

        return sign + digits[..dp] + "." + digits[dp..];
    }

    /// <summary>round(v × 10^scale) to an integer, half to even, on the exact binary value of v (v ≥ 0).</summary>
    private static BigInteger RoundScaled(double v, int scale)
    {
        var bits = BitConverter.DoubleToInt64Bits(v);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal
        }
        else
        {
            mantissa |= 1L << 52;
        }

        var e = exponent - 1075; // v = mantissa × 2^e
        BigInteger num = mantissa;
        BigInteger den = BigInteger.One;
        if (e >= 0) num <<= e; else den <<= -e;
        if (scale >= 0) num *= BigInteger.Pow(10, scale); else den *= BigInteger.Pow(10, -scale);

        var q = BigInteger.DivRem(num, den, out var r);
        var twice = r * 2;
        if (twice > den || (twice == den && !q.IsEven))
        {
            q += 1;
        }

        return q;
    }
}
