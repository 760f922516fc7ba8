using GcTrace.Events;
using GcTrace.Output.Charts;
using GcTrace.Tests.Support;
using SkiaSharp;

namespace GcTrace.Tests.Output.Charts;

public sealed class ChartRendererTests : IDisposable
{
    private static readonly string[] AlwaysWritten = ["pauses.png", "pause-distribution.png", "heap.png", "gc-cpu.png"];

    private readonly string dir = Path.Combine(Path.GetTempPath(), "gctrace-charts-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> CorpusRuns() => new(FixtureCycles.Go119RunsWithCycles());

    public void Dispose()
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    [Theory]
    [MemberData(nameof(CorpusRuns))]
    public void RenderAll_CorpusRun_WritesPngsOfTheRequestedSizeWithText(string run)
    {
        List<GcCycle> cycles = FixtureCycles.FromGo119Run(run);
        var options = new ChartOptions { Width = 1000, Height = 500 };
        ChartSeries series = Feed(cycles, options.Width);
        ChartAnnotations annotations = ChartTestAnnotations.From(cycles) with
        {
            LeakSites = ChartTestLeakSites.FromCorpus(run),
        };

        var withText = Render(series, annotations, "text", options);
        var withoutText = Render(series, annotations, "blank", options with { DrawText = false });

        withText.Keys.Should().Contain(AlwaysWritten);
        withText.ContainsKey("leak-sites.png").Should().Be(annotations.LeakSites.Count > 0);
        KeepForLooking(run, withText);
        foreach (var (name, png) in withText)
        {
            PngFile.HasSignature(png).Should().BeTrue(name);
            PngFile.Size(png).Should().Be((1000, 500), name);
            AssertTextDrawn(name, png, withoutText[name], options);
        }
    }

    [Fact]
    public void RenderAll_NoLeakSites_SkipsLeakChart()
    {
        List<GcCycle> cycles = FixtureCycles.FromGo119Run("steady");

        var written = ChartRenderer.RenderAll(Feed(cycles, 1200), ChartTestAnnotations.From(cycles), dir,
            ChartOptions.Default);

        written.Select(Path.GetFileName).Should().BeEquivalentTo(AlwaysWritten);
        PngFile.Size(File.ReadAllBytes(Path.Combine(dir, "heap.png"))).Should().Be((1200, 600));
    }

    [Fact]
    public void RenderAll_NoCycles_StillWritesEveryChartWithAMessage()
    {
        var options = ChartOptions.Default;

        var withText = Render(new ChartSeries(), ChartAnnotations.None, "text", options);
        var withoutText = Render(new ChartSeries(), ChartAnnotations.None, "blank", options with { DrawText = false });

        withText.Keys.Should().BeEquivalentTo(AlwaysWritten);
        foreach (var (name, png) in withText) AssertTextDrawn(name, png, withoutText[name], options);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RenderAll_LogScaleForcedEitherWay_Renders(bool log)
    {
        List<GcCycle> cycles = FixtureCycles.FromGo119Run("pressure_noleak");
        var options = ChartOptions.Default with { LogScale = log };

        var written = ChartRenderer.RenderAll(Feed(cycles, 1200), ChartTestAnnotations.From(cycles), dir, options);

        written.Should().HaveCount(4).And.OnlyContain(p => PngFile.HasSignature(File.ReadAllBytes(p)));
    }

    [Fact]
    public void RenderAll_TwoMillionCycles_RendersFromBoundedSeries()
    {
        var series = new ChartSeries(1200);
        var counts = new Dictionary<decimal, long>();
        for (int i = 0; i < 2_000_000; i++)
        {
            // A pause pattern with a rare 40 ms outlier, and a slowly growing live heap.
            decimal stw = i % 100_003 == 0 ? 40m : 0.05m + (i % 17) * 0.01m;
            series.Add(ChartSeriesTests.Cycle(i + 1, i * 0.25m, stw, liveMb: 100 + i / 20_000, forced: i % 50_000 == 0));
            counts[stw] = counts.GetValueOrDefault(stw) + 1;
        }
        var annotations = new ChartAnnotations { StwP50Ms = 0.13m, StwP99Ms = 0.21m, StwCounts = counts };

        var written = ChartRenderer.RenderAll(series, annotations, dir, ChartOptions.Default);

        series.Count.Should().Be(2_000_000);
        series.Points(ChartMetric.StwMs).Count.Should().BeLessThanOrEqualTo(2400);
        series.Points(ChartMetric.StwMs).Max(p => p.Value).Should().Be(40);
        written.Should().HaveCount(4);
        PngFile.Size(File.ReadAllBytes(Path.Combine(dir, "pauses.png"))).Should().Be((1200, 600));
        KeepForLooking("two-million", written.ToDictionary(p => Path.GetFileName(p)!, File.ReadAllBytes));
    }

    [Fact]
    public void RenderAll_RestartAndMemoryLimitRegime_AreDrawnOnHeapChart()
    {
        // Two runs of the same program one after the other: the second one's clock starts again near zero.
        List<GcCycle> once = FixtureCycles.FromGo119Run("steady");
        ChartSeries series = Feed(once.Concat(once), 1200);
        double restart = series.FirstS + (series.LastS - series.FirstS) / 2;
        ChartAnnotations plain = ChartTestAnnotations.From(once);
        ChartAnnotations marked = plain with
        {
            RestartsS = [(double)once[^1].StartS],
            MemoryLimitRegimes = [new TimeRange(restart + 5, restart + 15)],
        };

        byte[] without = Render(series, plain, "plain", ChartOptions.Default)["heap.png"];
        byte[] with = Render(series, marked, "marked", ChartOptions.Default)["heap.png"];
        KeepForLooking("steady-twice", new() { ["heap.png"] = with });

        series.Restarts.Should().Be(1);
        PngFile.DifferingPixels(with, without, new SKRectI(100, 60, 1100, 500)).Should().BeGreaterThan(1000);
    }

    [Fact]
    public void RenderAll_LeakGlobalMap_ReadmeHeapChartIsCurrent()
    {
        // The README shows this chart. It is rewritten only on request (GCTRACE_REGENERATE_DOCS=1), like golden files.
        string readmeChart = Path.Combine(RepoPaths.Root, "docs", "heap-leak_global_map.png");
        List<GcCycle> cycles = FixtureCycles.FromGo119Run("leak_global_map");
        ChartRenderer.RenderAll(Feed(cycles, 1200), ChartTestAnnotations.From(cycles), dir, ChartOptions.Default);
        if (Environment.GetEnvironmentVariable("GCTRACE_REGENERATE_DOCS") == "1")
            File.Copy(Path.Combine(dir, "heap.png"), readmeChart, overwrite: true);

        byte[] shown = File.ReadAllBytes(readmeChart);
        byte[] fresh = File.ReadAllBytes(Path.Combine(dir, "heap.png"));
        PngFile.Size(shown).Should().Be((1200, 600));
        // Pixels, not bytes: the PNG encoder may compress differently; what the reader sees must be today's chart.
        PngFile.DifferingPixels(fresh, shown, new SKRectI(0, 0, 1200, 600))
            .Should().Be(0, "docs/heap-leak_global_map.png must be what the code draws now (GCTRACE_REGENERATE_DOCS=1 rewrites it)");
    }

    /// <summary>GCTRACE_CHARTS_OUT=DIR keeps the corpus charts, to look at them after a change.</summary>
    private static void KeepForLooking(string run, Dictionary<string, byte[]> pngs)
    {
        string? keep = Environment.GetEnvironmentVariable("GCTRACE_CHARTS_OUT");
        if (string.IsNullOrEmpty(keep)) return;
        Directory.CreateDirectory(Path.Combine(keep, run));
        foreach (var (name, png) in pngs) File.WriteAllBytes(Path.Combine(keep, run, name), png);
    }

    private static ChartSeries Feed(IEnumerable<GcCycle> cycles, int width)
    {
        var series = new ChartSeries(width);
        foreach (GcCycle cycle in cycles) series.Add(cycle);
        return series;
    }

    private Dictionary<string, byte[]> Render(ChartSeries series, ChartAnnotations annotations, string sub,
        ChartOptions options) =>
        ChartRenderer.RenderAll(series, annotations, Path.Combine(dir, sub), options)
            .ToDictionary(p => Path.GetFileName(p)!, File.ReadAllBytes);

    /// <summary>The title band at the top and the x-axis label band at the bottom must hold glyph pixels.</summary>
    private static void AssertTextDrawn(string name, byte[] withText, byte[] withoutText, ChartOptions options)
    {
        int band = options.Height / 12;
        var title = new SKRectI(0, 0, options.Width, band);
        var xLabel = new SKRectI(0, options.Height - band, options.Width, options.Height);
        PngFile.DifferingPixels(withText, withoutText, title).Should().BeGreaterThan(200, $"{name} has a title");
        PngFile.DifferingPixels(withText, withoutText, xLabel).Should().BeGreaterThan(200, $"{name} has an x label");
    }
}
