// leak-sites.png: inuse_space of the allocation sites that grew most across heap-profile snapshots.
using ScottPlot;

namespace GcTrace.Output.Charts;

internal static class LeakSitesChart
{
    public const string FileName = "leak-sites.png";

    // More lines than this and the colours and legend entries stop being tellable apart.
    private const int TopSites = 6;

    /// <summary>The sites worth a series: the first <see cref="TopSites"/> of <paramref name="functions"/>.</summary>
    public static IEnumerable<string> TopSitesOf(IEnumerable<string> functions) => functions.Take(TopSites);
    private const int MaxNameLength = 60;

    public static Plot Build(ChartAnnotations annotations)
    {
        Plot plot = ChartStyle.NewPlot("Allocation sites that grew most (heap profiles)", "trace time (s)",
            "inuse_space (MB = 2^20 bytes, as the runtime prints)");
        // Only sites that grew: a shrinking or flat site listed under "grew most" sent readers the wrong way.
        var top = annotations.LeakSites
            .Where(kv => kv.Value.Count > 0)
            .Select(kv => (Name: kv.Key, Samples: kv.Value.OrderBy(s => s.TimeS).ToList()))
            .Select(s => (s.Name, s.Samples, Growth: s.Samples[^1].InuseBytes - s.Samples[0].InuseBytes))
            .Where(s => s.Growth > 0)
            .OrderByDescending(s => s.Growth)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(TopSites)
            .ToList();
        if (top.Count == 0)
        {
            ChartStyle.NoData(plot, "no allocation site grew between heap-profile snapshots");
            return plot;
        }

        foreach (var (name, samples, growth) in top)
        {
            var line = plot.Add.ScatterLine(samples.Select(s => s.TimeS).ToArray(),
                samples.Select(s => s.InuseBytes / 1048576.0).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = 7;
            string shown = name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)] + "…";
            line.LegendText = $"{shown} (+{ChartStyle.Number(growth / 1048576.0)} MB)";
        }
        ChartStyle.YFromZero(plot, top.SelectMany(s => s.Samples).Max(s => s.InuseBytes) / 1048576.0);
        ChartStyle.TimeAxis(plot, top.SelectMany(s => s.Samples).Min(s => s.TimeS),
            top.SelectMany(s => s.Samples).Max(s => s.TimeS));
        ChartStyle.LegendOutside(plot, longEntries: true);
        return plot;
    }
}
