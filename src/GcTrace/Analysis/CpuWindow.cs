// GC cpu and available cpu inside one time window of the trace.
namespace GcTrace.Analysis;

internal sealed class CpuWindow : IMergeable<CpuWindow>
{
    public decimal AvailableMs { get; set; }

    public decimal GcMs { get; set; }

    public decimal AssistMs { get; set; }

    public decimal BackgroundMs { get; set; }

    public decimal IdleMs { get; set; }

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
