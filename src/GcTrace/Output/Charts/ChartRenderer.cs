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
        foreach (var (name, _, build) in Charts(series, annotations, options))
        {
            using Plot plot = build();
            var png = Png(plot, options);
            var stream = create(name);
            stream.Write(png);
            stream.Flush();
            written.Add(name);
        }
        return written;
    }

    /// <summary>The same charts as SVG elements (for the HTML report), each with a title, in the same order.</summary>
    public static IReadOnlyList<(string Title, string Svg)> RenderSvgs(ChartSeries series, ChartAnnotations annotations,
        ChartOptions options)
    {
        var svgs = new List<(string, string)>();
        foreach (var (_, title, build) in Charts(series, annotations, options))
        {
            using Plot plot = build();
            if (!options.DrawText) ChartText.Hide(plot);
            SolidLines(plot);
            svgs.Add((title, plot.GetSvgHtml(options.Width, options.Height)));
        }
        return svgs;
    }

    // The one list of charts: file name, title, and how to build it.
    private static IEnumerable<(string Name, string Title, Func<Plot> Build)> Charts(ChartSeries series,
        ChartAnnotations annotations, ChartOptions options)
    {
        yield return (PauseChart.FileName, "Stop-the-world pauses over time", () => PauseChart.Build(series, annotations, options));
        yield return (PauseDistributionChart.FileName, "Pause distribution", () => PauseDistributionChart.Build(annotations, options));
        yield return (HeapChart.FileName, "Heap over time", () => HeapChart.Build(series, annotations));
        yield return (GcCpuChart.FileName, "GC CPU per window", () => GcCpuChart.Build(annotations, options));
        if (annotations.LeakSites.Any(kv => kv.Value.Count > 0))
            yield return (LeakSitesChart.FileName, "Leak sites across heap snapshots", () => LeakSitesChart.Build(annotations));
    }

    /// <summary>Renders every chart into files in <paramref name="dir"/> (created if missing); returns the paths.</summary>
    public static IReadOnlyList<string> RenderAll(ChartSeries series, ChartAnnotations annotations, string dir, ChartOptions options)
    {
        using var files = new OutputFiles();
        var names = RenderAll(series, annotations, files.Directory(dir, "--png"), options);
        files.Commit();
        return names.Select(n => Path.Combine(dir, n)).ToList();
    }

    // Skia's SVG canvas cannot write a dash pattern: it draws the line solid anyway and prints "Unsupported path effect
    // in addPaint." on our stderr for every dashed line. Solid from the start gives the same picture without the noise.
    private static void SolidLines(Plot plot)
    {
        foreach (var line in plot.GetPlottables().OfType<IHasLine>()) line.LineStyle.Pattern = LinePattern.Solid;
    }

    /// <summary>Renders one chart as PNG bytes at the configured size.</summary>
    internal static byte[] Png(Plot plot, ChartOptions options)
    {
        if (!options.DrawText) ChartText.Hide(plot);
        return plot.GetImageBytes(options.Width, options.Height, ImageFormat.Png);
    }
}
