// Writes the `--png DIR` charts: pauses, pause distribution, heap, GC CPU, and leak sites when profiles were read.
using ScottPlot;

namespace GcTrace.Output.Charts;

public static class ChartRenderer
{
    /// <summary>
    /// Renders every chart into <paramref name="dir"/> (created if missing) and returns the paths written.
    /// <c>leak-sites.png</c> is written only when <see cref="ChartAnnotations.LeakSites"/> has data.
    /// </summary>
    public static IReadOnlyList<string> RenderAll(ChartSeries series, ChartAnnotations annotations, string dir,
        ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(options);
        if (SkiaNativeLibraries.Problem is { } missing) throw new ChartLibraryException(missing);
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        void Write(string name, Func<Plot> build)
        {
            string path = Path.Combine(dir, name);
            using Plot plot = build();
            File.WriteAllBytes(path, Png(plot, options));
            written.Add(path);
        }

        Write(PauseChart.FileName, () => PauseChart.Build(series, annotations, options));
        Write(PauseDistributionChart.FileName, () => PauseDistributionChart.Build(annotations, options));
        Write(HeapChart.FileName, () => HeapChart.Build(series, annotations));
        Write(GcCpuChart.FileName, () => GcCpuChart.Build(annotations, options));
        if (annotations.LeakSites.Any(kv => kv.Value.Count > 0))
            Write(LeakSitesChart.FileName, () => LeakSitesChart.Build(annotations));
        return written;
    }

    /// <summary>Renders one chart as PNG bytes at the configured size.</summary>
    internal static byte[] Png(Plot plot, ChartOptions options)
    {
        if (!options.DrawText) ChartText.Hide(plot);
        return plot.GetImageBytes(options.Width, options.Height, ImageFormat.Png);
    }
}
