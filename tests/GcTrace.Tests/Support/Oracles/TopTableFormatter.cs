// TopTableFormatter: prints a TopTable exactly as `go tool pprof -top` prints its column header and rows.
using System.Text;

using GcTrace.Profiles;

namespace GcTrace.Tests.Support.Oracles;

public static class TopTableFormatter
{
    /// <summary>The column header line: fmt "%10s %5s%% %5s%% %10s %5s%%".</summary>
    public static string HeaderLine { get; } = $"{"flat",10} {"flat",5}% {"sum",5}% {"cum",10} {"cum",5}%";

    /// <summary>The `Showing nodes accounting for X, P of T total` line (report.reportLabels).</summary>
    public static string ShowingLine(TopTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var unit = OutputUnit(table);
        var flat = table.Rows.Sum(r => r.Flat);
        return $"Showing nodes accounting for {Label(flat, table, unit)}, {PprofMeasurement.Percentage(flat, table.Total).Trim()} of {Label(table.Total, table, unit)} total";
    }

    /// <summary>One string per row: fmt "%10s %s %s %10s %s  %s%s" (report.printText).</summary>
    public static IReadOnlyList<string> FormatRows(TopTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var unit = OutputUnit(table);
        return table.Rows.Select(row =>
        {
            var inline = row.InlineLabel.Length == 0 ? "" : " " + row.InlineLabel;
            return $"{Label(row.Flat, table, unit),10} {PprofMeasurement.Percentage(row.Flat, table.Total)} " +
                   $"{PprofMeasurement.Percentage(row.FlatSum, table.Total)} {Label(row.Cum, table, unit),10} " +
                   $"{PprofMeasurement.Percentage(row.Cum, table.Total)}  {row.Name}{inline}";
        }).ToList();
    }

    public static void Write(TopTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder();
        sb.Append(ShowingLine(table)).Append('\n').Append(HeaderLine).Append('\n');
        foreach (var row in FormatRows(table))
        {
            sb.Append(row).Append('\n');
        }

        writer.Write(sb.ToString());
    }

    /// <summary>report.selectOutputUnit (-unit=minimum): the unit of the smallest nonzero node value, or of 100× it when
    /// the total needs a bigger unit, so the smallest row still shows at least 0.01.</summary>
    internal static string OutputUnit(TopTable table)
    {
        var sampleUnit = table.SampleType.Unit;
        if (table.Rows.Count == 0)
        {
            return "minimum";
        }

        long minValue = 0;
        foreach (var row in table.Rows)
        {
            var nodeMin = Math.Abs(row.Flat);
            if (nodeMin == 0)
            {
                nodeMin = Math.Abs(row.Cum);
            }

            if (nodeMin > 0 && (minValue == 0 || nodeMin < minValue))
            {
                minValue = nodeMin;
            }
        }

        var maxValue = table.Total;
        if (minValue == 0)
        {
            minValue = maxValue;
        }

        var minUnit = PprofMeasurement.Scale(minValue, sampleUnit, "minimum").Unit;
        var maxUnit = PprofMeasurement.Scale(maxValue, sampleUnit, "minimum").Unit;
        var unit = minUnit;
        if (minUnit != maxUnit && minValue * 100 < maxValue)
        {
            unit = PprofMeasurement.Scale(100 * minValue, sampleUnit, "minimum").Unit;
        }

        return unit.Length != 0 ? unit : sampleUnit;
    }

    private static string Label(long value, TopTable table, string unit) =>
        PprofMeasurement.ScaledLabel(value, table.SampleType.Unit, unit);
}
