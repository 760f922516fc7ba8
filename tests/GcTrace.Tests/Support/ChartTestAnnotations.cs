// Computes the chart annotations the analysis will provide, straight from a list of cycles, for chart tests.
using GcTrace.Events;
using GcTrace.Output.Charts;

namespace GcTrace.Tests.Support;

internal static class ChartTestAnnotations
{
    public static ChartAnnotations From(IReadOnlyList<GcCycle> cycles, int cpuWindows = 40)
    {
        if (cycles.Count == 0) return ChartAnnotations.None;
        var stw = cycles.Select(c => c.StwTotalMs).Order().ToList();
        decimal Rank(double p) => stw[Math.Max(0, (int)Math.Ceiling(p / 100 * stw.Count) - 1)];

        double[] t = cycles.Select(c => (double)c.StartS).ToArray();
        double[] live = cycles.Select(c => (double)c.HeapLiveMb).ToArray();
        double mt = t.Average(), ml = live.Average();
        double sxx = t.Sum(x => (x - mt) * (x - mt));
        double slopePerS = sxx == 0 ? 0 : t.Zip(live, (x, y) => (x - mt) * (y - ml)).Sum() / sxx;

        return new ChartAnnotations
        {
            StwP50Ms = Rank(50),
            StwP99Ms = Rank(99),
            StwCounts = stw.GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count()),
            LiveSlopeMbPerMin = slopePerS * 60,
            LiveInterceptMb = ml - slopePerS * mt,
            GcCpu = Windows(cycles, cpuWindows),
        };
    }

    /// <summary>GC cpu parts over wall time x P per window, as the summary's gc_cpu defines it.</summary>
    private static List<GcCpuWindow> Windows(IReadOnlyList<GcCycle> cycles, int count)
    {
        double first = (double)cycles[0].StartS, last = (double)cycles[^1].StartS;
        double width = Math.Max((last - first) / count, 0.001);
        return cycles
            .GroupBy(c => Math.Min(count - 1, (int)(((double)c.StartS - first) / width)))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                double available = width * 1000 * g.Max(c => c.Procs);
                return new GcCpuWindow(first + g.Key * width, first + (g.Key + 1) * width,
                    (double)g.Sum(c => c.CpuAssistMs) / available,
                    (double)g.Sum(c => c.CpuBackgroundMs) / available,
                    (double)g.Sum(c => c.CpuIdleMs) / available);
            })
            .ToList();
    }
}
