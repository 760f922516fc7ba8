// Numbers with units on the command line (--fail-on, --min-stw, --interval): every quantity names its unit, because
// a bare "1" meant milliseconds in one gate, a fraction in another and seconds in a third.
using System.Globalization;

namespace GcTrace.Cli;

/// <summary>What a number measures; each kind has one base unit that values are converted to.</summary>
internal enum QuantityKind
{
    /// <summary>Base: milliseconds.</summary>
    Duration,

    /// <summary>Base: a fraction (0.25 = 25 %). Written only as a percentage.</summary>
    Share,

    /// <summary>Base: MB as the runtime prints it (which is MiB).</summary>
    Size,

    /// <summary>Base: MB per minute (heap growth).</summary>
    SizePerMinute,

    /// <summary>Base: MB per second (allocation).</summary>
    SizePerSecond,

    /// <summary>Base: events per second (GC cycles per second).</summary>
    PerSecond,

    /// <summary>A plain count (cycles, lines): the one kind with no unit.</summary>
    Count,
}

internal static class Quantity
{
    // Unit -> factor to the kind's base unit. The runtime's "MB" is MiB (2^20 bytes), so MB and MiB are the same unit
    // here, as in every output of this tool.
    private static readonly Dictionary<QuantityKind, (string Unit, decimal Factor)[]> Units = new()
    {
        [QuantityKind.Duration] = [("us", 0.001m), ("µs", 0.001m), ("ms", 1m), ("s", 1000m), ("min", 60_000m), ("m", 60_000m), ("h", 3_600_000m)],
        [QuantityKind.Share] = [("%", 0.01m)],
        [QuantityKind.Size] = [("MB", 1m), ("MiB", 1m), ("GB", 1024m), ("GiB", 1024m), ("KB", 1m / 1024), ("KiB", 1m / 1024)],
        [QuantityKind.SizePerMinute] = [("MB/min", 1m), ("MiB/min", 1m), ("MB/h", 1m / 60), ("MiB/h", 1m / 60), ("MB/s", 60m), ("MiB/s", 60m)],
        [QuantityKind.SizePerSecond] = [("MB/s", 1m), ("MiB/s", 1m), ("MB/min", 1m / 60), ("MiB/min", 1m / 60), ("GB/s", 1024m), ("GiB/s", 1024m)],
        [QuantityKind.PerSecond] = [("/s", 1m), ("/min", 1m / 60), ("/h", 1m / 3600)],
        [QuantityKind.Count] = [("", 1m)],
    };

    /// <summary>The units <paramref name="kind"/> accepts, as a list for an error message ("us, µs, ms, s, ...").</summary>
    public static string Accepted(QuantityKind kind) =>
        kind == QuantityKind.Count ? "a plain number" : string.Join(", ", Units[kind].Select(u => u.Unit));

    /// <summary>
    /// Parses "5ms", "25%", "1.5 MB/min" into the kind's base unit. A number without a unit (or with one that does not
    /// fit) is a <see cref="FormatException"/> whose one-line message names <paramref name="what"/> and the accepted units.
    /// </summary>
    public static decimal Parse(string text, QuantityKind kind, string what)
    {
        var t = text.Trim();
        var end = t.StartsWith('-') ? 1 : 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] == '.')) end++;
        if (!decimal.TryParse(t[..end], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            throw new FormatException($"{what}: '{text}' is not a number with a unit ({Accepted(kind)})");
        var unit = t[end..].Trim();
        foreach (var (name, factor) in Units[kind])
            if (string.Equals(unit, name, StringComparison.Ordinal)) return number * factor;
        if (unit.Length == 0)
            throw new FormatException($"{what}: '{text}' needs a unit, one of {Accepted(kind)}");
        throw new FormatException($"{what}: unit '{unit}' does not fit; use one of {Accepted(kind)}");
    }

    /// <summary>
    /// A trace time for --since/--until in seconds: the runtime's own @S is printed in seconds, so a bare number is that;
    /// a unit ("90s", "2min") is accepted too.
    /// </summary>
    public static decimal ParseTraceSeconds(string text, string what) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : Parse(text, QuantityKind.Duration, what) / 1000m;

    /// <summary>A measured value in the kind's usual unit, for "holds: stw.p99 = 5.304 ms".</summary>
    public static string Format(decimal value, QuantityKind kind) => kind switch
    {
        QuantityKind.Duration => $"{Number(value)} ms",
        QuantityKind.Share => $"{Number(value * 100)} %",
        QuantityKind.Size => $"{Number(value)} MB",
        QuantityKind.SizePerMinute => $"{Number(value)} MB/min",
        QuantityKind.SizePerSecond => $"{Number(value)} MB/s",
        QuantityKind.PerSecond => $"{Number(value)} /s",
        _ => Number(value),
    };

    // At most three decimals, none trailing: 5.304, 20.6, 31.
    private static string Number(decimal value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
