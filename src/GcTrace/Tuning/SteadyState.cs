// What the trace's steady part measured: the inputs of the what-if model and the "measured" column beside it.
namespace GcTrace.Tuning;

/// <summary>
/// Medians over the steady cycles, in the runtime's MB (MiB), seconds and fractions of available cpu (wall time x P).
/// </summary>
/// <param name="Cycles">Steady cycles the figures stand on.</param>
/// <param name="Procs">GOMAXPROCS of the last steady cycle.</param>
/// <param name="Gogc">GOGC implied by the goals: (goal − previous live) / (previous live + stacks + globals) x 100.</param>
/// <param name="LiveMb">Heap marked live at the end of a cycle.</param>
/// <param name="RootsMb">Stacks + globals, which go1.18+ counts in the goal (0 before go1.18, where they are not printed).</param>
/// <param name="StacksMb">Goroutine stacks alone: memory the runtime maps, so a memory limit counts it.</param>
/// <param name="GoalMb">The heap goal.</param>
/// <param name="PeakHeapMb">Heap at GC start: the high-water mark between collections.</param>
/// <param name="TriggerHeadroomMb">Goal minus heap at GC start: what the pacer expected the program to allocate while marking.</param>
/// <param name="MarkAllocMb">Heap growth while a cycle marked (allocation during the mark phase).</param>
/// <param name="AllocPerCycleMb">Allocation from one cycle start to the next (allocation rate / GC rate).</param>
/// <param name="AllocMbPerS">Allocation rate.</param>
/// <param name="GcPerS">Cycles per second.</param>
/// <param name="CostMsPerCycle">GC cpu per cycle without idle workers: assist + background + both STW phases.</param>
/// <param name="CostFraction">That cost as a share of available cpu.</param>
/// <param name="MutatorBusy">Share of cycles with no idle mark worker, i.e. with every P busy: 1 for a cpu-bound program,
/// whose allocation slows when the GC takes cpu; near 0 for one paced by its requests.</param>
public sealed record SteadyState(
    int Cycles,
    int Procs,
    double Gogc,
    double LiveMb,
    double RootsMb,
    double StacksMb,
    double GoalMb,
    double PeakHeapMb,
    double TriggerHeadroomMb,
    double MarkAllocMb,
    double AllocPerCycleMb,
    double AllocMbPerS,
    double GcPerS,
    double CostMsPerCycle,
    double CostFraction,
    double MutatorBusy);
