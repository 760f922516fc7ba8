// Line counts by kind, kept by whoever reads the input (the analyzers only see events).
namespace GcTrace.Analysis;

/// <summary>
/// The reader knows what each line was; the analyzers only see parsed cycles. So the caller counts here, and every
/// line read is accounted for in the summary ("counted, not dropped").
/// </summary>
public sealed class InputCounters
{
    private long lines;
    private long gcLines;
    private long appLines;
    private long otherTraceLines;
    private long repairedGcLines;
    private long unrecognizedGcLines;

    /// <summary>Every input line, whatever it was.</summary>
    public void CountLine() => lines++;

    /// <summary>Several lines at once (a run of application lines passed through in one piece).</summary>
    public void CountLines(long count) => lines += count;

    /// <summary>A line that gave a gc cycle.</summary>
    public void CountGcLine() => gcLines++;

    /// <summary>A line of the application's own output.</summary>
    public void CountAppLine() => appLines++;

    /// <summary>Several application lines at once.</summary>
    public void CountAppLines(long count) => appLines += count;

    /// <summary>A runtime trace line other than a gc line (scav, scvg, GC forced, pacer, sched, scan).</summary>
    public void CountOtherTraceLine() => otherTraceLines++;

    /// <summary>A gc line reassembled after other output was written into it.</summary>
    public void CountRepairedGcLine() => repairedGcLines++;

    /// <summary>A line that looked like a gc line but could not be parsed.</summary>
    public void CountUnrecognizedGcLine() => unrecognizedGcLines++;

    public InputSummary Summarize() =>
        new(lines, gcLines, appLines, otherTraceLines, repairedGcLines, unrecognizedGcLines);
}
