// Feeds each cycle to every analyzer and puts their results together into the summary.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// One cycle at a time, constant memory: every part keeps running totals, per-value counts or bounded windows.
/// <see cref="Summarize"/> does not change any state, so a report can be made mid-stream (SIGINT) and input can go on.
/// </summary>
public sealed class TraceAnalyzer
{
    private readonly CycleSequenceAnalyzer sequence = new();
    private readonly PauseDistribution pauses = new();
    private readonly GcCpuAnalyzer cpu;
    private readonly HeapTrendAnalyzer heap;
    private ProcessAnalyses? processes;

    public TraceAnalyzer(GcCpuAnalyzer? cpu = null, HeapTrendAnalyzer? heap = null)
    {
        this.cpu = cpu ?? new GcCpuAnalyzer();
        this.heap = heap ?? new HeapTrendAnalyzer();
    }

    /// <summary>Line counts; the caller increments them as it reads.</summary>
    public InputCounters Input { get; } = new();

    /// <summary>The stop-the-world pauses, for callers that want other percentiles.</summary>
    public PauseDistribution Pauses => pauses;

    /// <summary>
    /// Which cycles the pause distribution shows (--min-stw, --since/--until, --forced), like the exported events, CSV
    /// rows and charts. The cycle sequence, GC cpu and heap trend, and so the verdict, always see every cycle: a filter
    /// chooses what is shown, it must not change the diagnosis (a --min-stw filter would otherwise keep only the
    /// slowest cycles and call them the program's GC cost).
    /// </summary>
    public CycleFilter Filter { get; init; } = CycleFilter.None;

    /// <summary>Whether processes interleaved in the stream also get an analysis each (see <see cref="ProcessAnalyses"/>);
    /// off for those per-process analyses themselves.</summary>
    public bool SplitsProcesses { get; init; } = true;

    public void Add(GcCycle cycle)
    {
        // An exact repeat of a line (a log shipped twice) is not another cycle for any analysis.
        var series = sequence.Add(cycle);
        if (series == ProcessSplitter.Duplicate) return;
        if (SplitsProcesses) (processes ??= new ProcessAnalyses(Filter)).Add(cycle, series, sequence.Interleaved);
        cpu.Add(cycle);
        heap.Add(cycle);
        if (Filter.Accepts(cycle)) pauses.Add(cycle);
    }

    /// <summary>The GC CPU so far, without the heap trend work of a full summary (for a live status line).</summary>
    public GcCpuSummary GcCpu() => cpu.Summarize();

    public TraceSummary Summarize() => new(
        Input.Summarize(),
        sequence.Summarize(),
        pauses.Summarize(),
        cpu.Summarize(),
        heap.Summarize())
    {
        Processes = processes?.Summarize() ?? [],
    };
}
