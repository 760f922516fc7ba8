// Writes the `--png DIR` charts: pauses, pause distribution, heap, GC CPU, and leak sites when profiles were read.
using ScottPlot;

namespace GcTrace.Output.Charts;

public static class ChartRenderer
{
    /// <summary>
    /// Renders every chart, each into the stream <paramref name="create"/> opens for its file name, and returns the names.
    /// <c>leak-sites.png</c> is written only when <see cref="ChartAnnotations.LeakSites"/> has data.
    /// </summary>
    public static IReadOnlyList<string> RenderAll(ChartSeries series, ChartAnnotations annotations, Func<string, Stream> create,
        ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(annotations);
        ArgumentNullException.ThrowIfNull(options);
        if (SkiaNativeLibraries.Problem is { } missing) throw new ChartLibraryException(missing);
        var written = new List<string>();
        void Write(string name, Func<Plot> build)
        {
            using Plot plot = build();
            var png = Png(plot, options);
            var stream = create(name);
            stream.Write(png);
            stream.Flush();
            written.Add(name);
        }

        Write(PauseChart.FileName, () => PauseChart.Build(series, annotations, options));
        Write(PauseDistributionChart.FileName, () => PauseDistributionChart.Build(annotations, options));
        Write(HeapChart.FileName, () => HeapChart.Build(series, annotations));
        Write(GcCpuChart.FileName, () => GcCpuChart.Build(annotations, options));
        if (annotations.LeakSites.Any(kv => kv.Value.Count > 0))
            Write(LeakSitesChart.FileName, () => LeakSitesChart.Build(annotations));
        return written;
    }

    /// <summary>Renders every chart into files in <paramref name="dir"/> (created if missing); returns the paths.</summary>
    public static IReadOnlyList<string> RenderAll(ChartSeries series, ChartAnnotations annotations, string dir, ChartOptions options)
    {
        using var files = new OutputFiles();
        var names = RenderAll(series, annotations, files.Directory(dir, "--png"), options);
        files.Commit();
        return names.Select(n => Path.Combine(dir, n)).ToList();
    }

    /// <summary>Renders one chart as PNG bytes at the configured size.</summary>
    internal static byte[] Png(Plot plot, ChartOptions options)
    {
        if (!options.DrawText) ChartText.Hide(plot);
        return plot.GetImageBytes(options.Width, options.Height, ImageFormat.Png);
    }
}
