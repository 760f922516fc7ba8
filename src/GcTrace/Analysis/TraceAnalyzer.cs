// Feeds each cycle to every analyzer and puts their results together into the summary.
namespace GcTrace.Analysis;

using GcTrace.Events;

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
    /// Which cycles the pause, cpu and heap analyses take (--min-stw, --since/--until, --forced). The cycle sequence
    /// (counts, missing cycles, restarts) always sees every cycle: it accounts for the input, not for a selection.
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
        if (!Filter.Accepts(cycle)) return;
        pauses.Add(cycle);
        cpu.Add(cycle);
        heap.Add(cycle);
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
