// Plain-sentence notes that explain what a number in the report cannot say by itself (shared by text and HTML).
using GcTrace.Analysis;

namespace GcTrace.Output;

public static class ReportNotes
{
    /// <summary>Cycles needed before nearest-rank p99 can differ from the largest pause: rank ceil(0.99 n) &lt; n.</summary>
    public const long CyclesForP99 = 101;

    /// <summary>Cycles needed before nearest-rank p99.9 can differ from the largest pause: rank ceil(0.999 n) &lt; n.</summary>
    public const long CyclesForP999 = 1001;

    /// <summary>The notes for <paramref name="s"/>, each one sentence; empty when every number speaks for itself.</summary>
    public static IReadOnlyList<string> For(TraceSummary s)
    {
        var notes = new List<string>();
        var n = s.StwMs.Count;
        if (n == 0)
        {
            notes.Add(NoGcLines);
        }
        else if (n < CyclesForP999)
        {
            notes.Add(n < CyclesForP99
                ? $"With {ReportFormat.Cycles(n)}, p99 and p99.9 are the largest pause (max): nearest-rank p99 needs more than 100 cycles and p99.9 more than 1000 to differ from it."
                : $"With {ReportFormat.Cycles(n)}, p99.9 is the largest pause (max): nearest-rank p99.9 needs more than 1000 cycles to differ from it.");
        }
        if (s.Heap.LiveMbFirst is not null && s.Heap.InferredGogc is null)
            notes.Add("GOGC could not be inferred (shown as ?): it is read from how far each heap goal sits above the previous live heap, which needs two or more cycles with a live heap of 4 MB or more (below that the goal is the runtime's 4 MB minimum).");
        if (s.Gc.MissingCycles > 0)
            notes.Add($"{ReportFormat.Cycles(s.Gc.MissingCycles)} missing from the numbering (lines lost or filtered out); charts break their lines there.");
        if (s.Gc.SegmentCount > 1)
            notes.Add($"The trace holds {s.Gc.SegmentCount} process runs (the gc numbering restarted); times are laid end to end.");
        if (s.Heap.MemoryLimit.Suspected)
            notes.Add("Heap goals stopped following GOGC for a while: a memory limit (GOMEMLIMIT) was probably steering the collector.");
        return notes;
    }

    /// <summary>What to check when the input held no gc line at all.</summary>
    public const string NoGcLines =
        "No gc lines were found. Check that the program runs with GODEBUG=gctrace=1 in its environment, and that its stderr reaches gctrace-pipe (the runtime prints the trace on stderr: use 2>&1 before the pipe).";
}
