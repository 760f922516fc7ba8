// A GC setting to predict for, written as the Go runtime reads it from the environment: GOGC=200, GOGC=off,
// GOMEMLIMIT=512MiB, or several joined by commas.
using System.Globalization;

namespace GcTrace.Tuning;
/// <param name="Gogc">The GOGC percent; null keeps the value the trace was run with.</param>
/// <param name="GogcOff">GOGC=off: no GC from heap growth, only from a memory limit.</param>
/// <param name="MemoryLimitBytes">GOMEMLIMIT in bytes; null means no limit.</param>
/// <param name="Text">The setting as the user wrote it, for reports.</param>
public sealed record GcSetting(int? Gogc, bool GogcOff, long? MemoryLimitBytes, string Text)
{
    private static readonly (string Suffix, long Bytes)[] LimitUnits =
    [
        ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("B", 1L),
    ];

    /// <summary>Parses <c>GOGC=…</c> and <c>GOMEMLIMIT=…</c> terms joined by commas, in the runtime's own syntax.</summary>
    /// <exception cref="FormatException">The text is not such a setting; the message says what is wrong.</exception>
    public static GcSetting Parse(string text)
    {
        int? gogc = null;
        var off = false;
        long? limit = null;
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = term.IndexOf('=');
            var name = eq < 0 ? term : term[..eq];
            var value = eq < 0 ? "" : term[(eq + 1)..];
            switch (name)
            {
                case "GOGC" when value == "off":
                    off = true;
                    break;
                case "GOGC" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent > 0:
                    gogc = percent;
                    break;
                case "GOGC":
                    throw new FormatException($"'{term}': GOGC takes a positive whole percent or off");
                case "GOMEMLIMIT" when value == "off":
                    limit = null;
                    break;
                case "GOMEMLIMIT":
                    limit = ParseLimit(value) ?? throw new FormatException(
                        $"'{term}': GOMEMLIMIT takes bytes with an optional unit (B, KiB, MiB, GiB, TiB) or off");
                    break;
                default:
                    throw new FormatException($"'{term}': expected GOGC=N, GOGC=off or GOMEMLIMIT=SIZE");
            }
        }

        if (gogc is null && !off && limit is null)
        {
            throw new FormatException($"'{text}': expected GOGC=N, GOGC=off or GOMEMLIMIT=SIZE");
        }

        return new GcSetting(gogc, off, limit, text);
    }

    private static long? ParseLimit(string value)
    {
        foreach (var (suffix, bytes) in LimitUnits)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal)
                && long.TryParse(value[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n > 0 && n <= long.MaxValue / bytes)
            {
                return n * bytes;
            }
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) && plain > 0 ? plain : null;
    }
}
