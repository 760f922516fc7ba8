// The size-class labels of gctrace=2 `scan: class 16B …` lines, made once per class instead of once per line.
using System.Text;

namespace GcTrace.Parsing;

/// <summary>
/// The runtime's size classes are a few dozen values up to 32768 bytes, printed every cycle; their labels ("16B") are kept
/// in a small table. Any other spelling (a leading zero, a larger size) gets a fresh string, exactly as printed.
/// </summary>
internal static class SizeClassNames
{
    /// <summary>The largest small-object size class (runtime/sizeclasses.go _MaxSmallSize): larger objects print as class L.</summary>
    private const int MaxCachedSize = 32768;

    private static readonly string?[] Cache = new string?[MaxCachedSize + 1];

    /// <summary>The label for <paramref name="digits"/> (the printed digits, value <paramref name="size"/>) followed by "B".</summary>
    public static string Of(long size, ReadOnlySpan<byte> digits)
    {
        if (size > MaxCachedSize || digits[0] == (byte)'0') return Encoding.Latin1.GetString(digits) + "B";
        // A race only makes one extra, equal string.
        return Cache[size] ??= size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "B";
    }
}
