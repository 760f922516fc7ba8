// GC cpu and available cpu inside one time window of the trace.
namespace GcTrace.Analysis;

internal sealed class CpuWindow : IMergeable<CpuWindow>
{
    public Exact AvailableMs { get; set; }

    public Exact GcMs { get; set; }

    public Exact AssistMs { get; set; }

    public Exact BackgroundMs { get; set; }

    public Exact IdleMs { get; set; }

    public long Cycles { get; set; }

    public void MergeFrom(CpuWindow next)
    {
        AvailableMs += next.AvailableMs;
        GcMs += next.GcMs;
        AssistMs += next.AssistMs;
        BackgroundMs += next.BackgroundMs;
        IdleMs += next.IdleMs;
        Cycles += next.Cycles;
    }
}
