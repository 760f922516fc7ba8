// GC CPU over one analysis window, as fractions of the CPU time the Ps had available in it.
namespace GcTrace.Output.Charts;

/// <summary>
/// The three parts are fractions (0..1) of available CPU (wall time x P), the same split as the summary's
/// <c>gc_cpu</c> block; the chart stacks them so the top of the stack is the window's total GC share.
/// </summary>
public readonly record struct GcCpuWindow(double StartS, double EndS, double Assist, double Background, double Idle)
{
    public double Total => Assist + Background + Idle;
}
