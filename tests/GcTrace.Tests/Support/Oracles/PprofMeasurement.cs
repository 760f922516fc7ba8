// PprofMeasurement: pprof's value labels and percentages (internal/measurement ScaledLabel, Scale, Percentage).
using GcTrace.Profiles;

namespace GcTrace.Tests.Support.Oracles;

internal static class PprofMeasurement
{
    // The memory unitType of internal/measurement: canonical names with 1024 factors.
    private static readonly (string Name, double Factor)[] MemoryUnits =
    [
        ("B", 1), ("kB", 1 << 10), ("MB", 1 << 20), ("GB", 1 << 30), ("TB", 1L << 40), ("PB", 1L << 50),
    ];

    /// <summary>measurement.Scale: converts <paramref name="value"/> from <paramref name="fromUnit"/> to
    /// <paramref name="toUnit"/> ("minimum" picks the largest unit the value reaches). Only bytes are scaled; other units
    /// (count) pass through with an empty unit, as pprof treats them as uninteresting.</summary>
    public static (double Value, string Unit) Scale(long value, string fromUnit, string toUnit)
    {
        if (value < 0 && -value > 0)
        {
            var (v, u) = Scale(-value, fromUnit, toUnit);
            return (-v, u);
        }

        if (FindMemoryUnit(fromUnit) is { } from)
        {
            var v = value * from.Factor;
            if (toUnit is "minimum" or "auto")
            {
                double f = 0;
                var unit = "";
                foreach (var (name, factor) in MemoryUnits)
                {
                    if (factor >= f && v / factor >= 1.0)
                    {
                        f = factor;
                        unit = name;
                    }
                }

                return f == 0 ? (v, "B") : (v / f, unit);
            }

            return FindMemoryUnit(toUnit) is { } to ? (v / to.Factor, to.Name) : (v, "B");
        }

        return toUnit is "count" or "sample" or "unit" or "minimum" or "auto" ? (value, "") : (value, toUnit);
    }

    /// <summary>measurement.ScaledLabel: `%.2f` without a trailing ".00", then the unit; zero prints "0".</summary>
    public static string ScaledLabel(long value, string fromUnit, string toUnit)
    {
        var (v, u) = Scale(value, fromUnit, toUnit);
        var text = GoFloatFormat.Fixed(v, 2);
        if (text.EndsWith(".00", StringComparison.Ordinal))
        {
            text = text[..^3];
        }

        return text is "0" or "-0" ? "0" : text + u;
    }

    /// <summary>measurement.Percentage: "  100%" near 100, `%5.2f%%` from 1, else `%5.2g%%`.</summary>
    public static string Percentage(long value, long total)
    {
        double ratio = 0;
        if (total != 0)
        {
            ratio = Math.Abs((double)value / total) * 100;
        }

        return ratio switch
        {
            >= 99.95 and <= 100.05 => "  100%",
            >= 1.0 => GoFloatFormat.Fixed(ratio, 2).PadLeft(5) + "%",
            _ => GoFloatFormat.General(ratio, 2).PadLeft(5) + "%",
        };
    }

    /// <summary>sniffUnit: case-insensitive aliases, a plural 's' dropped for names longer than 2.</summary>
    private static (string Name, double Factor)? FindMemoryUnit(string unit)
    {
        unit = unit.ToLowerInvariant();
        if (unit.Length > 2 && unit.EndsWith('s'))
        {
            unit = unit[..^1];
        }

        return unit switch
        {
            "b" or "byte" => MemoryUnits[0],
            "kb" or "kbyte" or "kilobyte" => MemoryUnits[1],
            "mb" or "mbyte" or "megabyte" => MemoryUnits[2],
            "gb" or "gbyte" or "gigabyte" => MemoryUnits[3],
            "tb" or "tbyte" or "terabyte" => MemoryUnits[4],
            "pb" or "pbyte" or "petabyte" => MemoryUnits[5],
            _ => null,
        };
    }
}
