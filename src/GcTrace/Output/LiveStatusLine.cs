// The one-line live status: cycles, last pause, p99 so far, live heap, GC CPU, and progress through files.
using System.Globalization;
using GcTrace.Events;

namespace GcTrace.Output;

public static class LiveStatusLine
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <param name="cycles">Cycles analysed so far.</param>
    /// <param name="last">The latest cycle, if any.</param>
    /// <param name="p99">The p99 stop-the-world pause so far.</param>
    /// <param name="gcCpu">GC CPU fraction so far.</param>
    /// <param name="readFraction">Share of the input files read, when their size is known.</param>
    public static string Format(long cycles, GcCycle? last, decimal? p99, double? gcCpu, double? readFraction)
    {
        var parts = new List<string> { $"{cycles} cycles" };
        if (last is not null)
        {
            parts.Add($"last pause {last.StwTotalMs.ToString(Inv)} ms");
            parts.Add($"p99 {p99?.ToString(Inv) ?? "-"} ms");
            parts.Add($"live {last.HeapLiveMb.ToString(Inv)} MB (goal {last.HeapGoalMb.ToString(Inv)})");
        }
        if (gcCpu is { } f) parts.Add($"GC CPU {(f * 100).ToString("0.##", Inv)}%");
        if (readFraction is { } r) parts.Add($"read {(r * 100).ToString("0", Inv)}%");
        return "gctrace-pipe: " + string.Join(", ", parts);
    }
}
