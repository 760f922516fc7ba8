// Hand-made cycles for tests that need a shape the corpus does not have (restarts, gaps, capped goals, old formats).
using GcTrace.Events;

namespace GcTrace.Tests.Support;

internal static class Cycles
{
    public static GcCycle Make(
        long number,
        decimal startS,
        long liveMb = 10,
        long goalMb = 20,
        long heapStartMb = 18,
        decimal stwSweepMs = 0.01m,
        decimal markMs = 1m,
        decimal stwMarkMs = 0.02m,
        decimal assistMs = 0m,
        decimal backgroundMs = 0m,
        decimal idleMs = 0m,
        int procs = 2,
        bool forced = false,
        GcFormat format = GcFormat.Go118) =>
        new(
            number, format, number, startS, 1, false,
            stwSweepMs, markMs, stwMarkMs,
            stwSweepMs * procs, assistMs, backgroundMs, idleMs, stwMarkMs * procs,
            heapStartMb, heapStartMb + 1, liveMb, goalMb,
            format == GcFormat.Go118 ? 0 : null, format == GcFormat.Go118 ? 0 : null,
            procs, forced);
}
