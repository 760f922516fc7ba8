// The one-line live status: cycles, last pause, p99 so far, live heap, GC CPU, and progress through files.
using System.Globalization;
using GcTrace.Events;

namespace GcTrace.Output;

public static class LiveStatusLine
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Cycles before GC CPU is shown: from one cycle the share is that cycle's cpu over its own short clock time
    /// (90% was seen), which says nothing about the program.
    /// </summary>
    public const long MinCyclesForGcCpu = 5;

    /// <summary>Seconds the program must have run (the latest cycle's @S) before GC CPU is shown, for the same reason.</summary>
    public const double MinSpanSForGcCpu = 1;

    /// <summary>Shown where a value does not mean anything yet.</summary>
    public const string NotYet = "–";

    /// <param name="cycles">Cycles analysed so far.</param>
    /// <param name="last">The latest cycle, if any.</param>
    /// <param name="p99">The p99 stop-the-world pause so far.</param>
    /// <param name="gcCpu">GC CPU fraction so far.</param>
    /// <param name="readFraction">Share of the input files read, when their size is known.</param>
    public static string Format(long cycles, GcCycle? last, decimal? p99, double? gcCpu, double? readFraction)
    {
        var parts = new List<string> { cycles == 1 ? "1 cycle" : $"{cycles.ToString(Inv)} cycles" };
        if (last is not null)
        {
            parts.Add($"last pause {last.StwTotalMs.ToString(Inv)} ms");
            parts.Add($"p99 {(p99 is { } p ? p.ToString(Inv) + " ms" : NotYet)}");
            parts.Add($"live {last.HeapLiveMb.ToString(Inv)} MB (goal {last.HeapGoalMb.ToString(Inv)})");
        }
        if (last is not null)
        {
            parts.Add(gcCpu is { } f && cycles >= MinCyclesForGcCpu && (double)last.StartS >= MinSpanSForGcCpu
                ? $"GC CPU {(f * 100).ToString("0.00", Inv)}%"
                : $"GC CPU {NotYet}");
        }
        if (readFraction is { } r) parts.Add($"read {(r * 100).ToString("0", Inv)}%");
        return "gctrace-pipe: " + string.Join(", ", parts);
    }
}
