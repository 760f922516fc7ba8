// --png: collects the bounded per-cycle series while events stream, and renders every chart at the end of the run.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;

namespace GcTrace.Output.Charts;
/// <param name="options">Size and drawing options.</param>
/// <param name="create">Opens the stream for one chart file name (e.g. "heap.png"); null when only the HTML report
/// wants the charts (<see cref="RenderSvgs"/>), so nothing is written as PNG.</param>
public sealed class ChartSink(ChartOptions options, Func<string, Stream>? create) : IEventSink, IRunSink
{
    private readonly ChartSeries series = new(options.Width);

    public string Name => "png";

    /// <summary>The trace time of the first cycle (0 before any), to put other series on the same axis.</summary>
    public double FirstS => double.IsNaN(series.FirstS) ? 0 : series.FirstS;

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
            if (e is GcCycle c) series.Add(c);
    }

    public void Complete(InputSummary counts)
    {
    }

    public void Write(RunEnd end)
    {
        if (create is not null) ChartRenderer.RenderAll(series, Annotate(end), create, options);
    }

    /// <summary>Every chart as an SVG element with its title, for the HTML report.</summary>
    public IReadOnlyList<(string Title, string Svg)> RenderSvgs(RunEnd end) => ChartRenderer.RenderSvgs(series, Annotate(end), options);

    /// <summary>Where the gc-pressure line is drawn on the GC CPU chart (a fraction of available CPU).</summary>
    public double? GcPressureThreshold { get; init; }

    /// <summary>
    /// The summary's windows on the chart's time axis, each drawn only as wide as its data: the last window ends with
    /// the trace (7 cycles in 0.06 s were drawn as a whole 10 s window, past the end of a 35 s trace). Stop-the-world is
    /// what a window's total holds beyond its three concurrent parts.
    /// </summary>
    internal static List<GcCpuWindow> ChartWindows(GcCpuSummary g, double origin, double endS) =>
        g.Windows
            .Where(w => w.Cycles > 0)
            .Select(w =>
            {
                double start = origin + (double)w.StartS;
                double end = Math.Min(origin + (double)(w.StartS + w.WidthS), Math.Max(endS, start));
                double assist = w.AssistFraction ?? 0, background = w.BackgroundFraction ?? 0, idle = w.IdleFraction ?? 0;
                double stw = Math.Max(0, (w.Fraction ?? 0) - assist - background - idle);
                return new GcCpuWindow(start, end, assist, background, idle, stw);
            })
            .ToList();

    private ChartAnnotations Annotate(RunEnd end)
    {
        var s = end.Diagnosis.Summary;
        // The analysis counts window time from the first cycle; the series plots the runtime's @S.
        var origin = FirstS;
        var sites = LeakSitesChart.TopSitesOf(end.Diagnosis.Verdict.Suspects.Where(x => x.GrowthBytes > 0).Select(x => x.Function));
        return ChartAnnotations.None with
        {
            LeakSites = end.Heaps.Count < 2 ? ChartAnnotations.None.LeakSites : LeakSiteSeries.From(end.Heaps, sites, origin),
            StwP50Ms = s.StwMs.P50,
            StwP99Ms = s.StwMs.P99,
            StwCounts = end.Pauses.Counts,
            // The slope is fitted on the runtime's @S, which restarts with each process; the chart lays segments end to
            // end, so after a restart the fitted line would not sit on the drawn heap: leave it out rather than mislead.
            LiveSlopeMbPerMin = series.Restarts == 0 ? s.Heap.LiveSlopeMbPerMin : null,
            LiveInterceptMb = series.Restarts == 0 ? s.Heap.LiveInterceptMb : null,
            RestartsS = series.RestartTimesS,
            MemoryLimitRegimes = s.Heap.MemoryLimit.Ranges
                .Select(r => (Start: series.TimeOfCycle(r.First), End: series.TimeOfCycle(r.Last)))
                .Where(r => r.Start is not null && r.End is not null)
                .Select(r => new TimeRange(r.Start!.Value, r.End!.Value))
                .ToList(),
            GcCpu = ChartWindows(s.GcCpu, origin, origin + (double)s.Gc.SpanS),
            GcPressureThreshold = GcPressureThreshold,
        };
    }
}
