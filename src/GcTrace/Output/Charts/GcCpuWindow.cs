// GC CPU over one analysis window, as fractions of the CPU time the Ps had available in it.
namespace GcTrace.Output.Charts;

/// <summary>
/// The parts are fractions (0..1) of available CPU (wall time x P), the same split as the summary's <c>gc_cpu</c>
/// block: stop-the-world, mutator assist, background workers and idle workers. The chart stacks them so the top of
/// the stack is the window's total GC share. <see cref="EndS"/> is where the window's data really ends (the last window
/// ends with the trace, not at its nominal width).
/// </summary>
public readonly record struct GcCpuWindow(double StartS, double EndS, double Assist, double Background, double Idle, double Stw = 0)
{
    public double Total => Stw + Assist + Background + Idle;

    /// <summary>GC cost without idle marking: idle workers run only on Ps that had nothing else to do.</summary>
    public double Cost => Stw + Assist + Background;
}
