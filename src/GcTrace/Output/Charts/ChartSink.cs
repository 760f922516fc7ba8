// --png: collects the bounded per-cycle series while events stream, and renders every chart at the end of the run.
namespace GcTrace.Output.Charts;

using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Events;

/// <param name="options">Size and drawing options.</param>
/// <param name="create">Opens the stream for one chart file name (e.g. "heap.png").</param>
public sealed class ChartSink(ChartOptions options, Func<string, Stream> create) : IEventSink, IRunSink
{
    private readonly ChartSeries _series = new(options.Width);

    public string Name => "png";

    /// <summary>The trace time of the first cycle (0 before any), to put other series on the same axis.</summary>
    public double FirstS => double.IsNaN(_series.FirstS) ? 0 : _series.FirstS;

    public void Write(IReadOnlyList<TraceEvent> batch)
    {
        foreach (var e in batch)
            if (e is GcCycle c) _series.Add(c);
    }

    public void Complete(InputSummary counts)
    {
    }

    public void Write(RunEnd end) => ChartRenderer.RenderAll(_series, Annotate(end), create, options);

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
            LiveSlopeMbPerMin = _series.Restarts == 0 ? s.Heap.LiveSlopeMbPerMin : null,
            LiveInterceptMb = _series.Restarts == 0 ? s.Heap.LiveInterceptMb : null,
            RestartsS = _series.RestartTimesS,
            MemoryLimitRegimes = s.Heap.MemoryLimit.Ranges
                .Select(r => (Start: _series.TimeOfCycle(r.First), End: _series.TimeOfCycle(r.Last)))
                .Where(r => r.Start is not null && r.End is not null)
                .Select(r => new TimeRange(r.Start!.Value, r.End!.Value))
                .ToList(),
            GcCpu = s.GcCpu.Windows
                .Where(w => w.Cycles > 0)
                .Select(w => new GcCpuWindow(origin + (double)w.StartS, origin + (double)(w.StartS + w.WidthS),
                    w.AssistFraction ?? 0, w.BackgroundFraction ?? 0, w.IdleFraction ?? 0))
                .ToList(),
        };
    }
}
