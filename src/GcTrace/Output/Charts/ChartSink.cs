// --png: collects the bounded per-cycle series while events stream, and renders every chart when asked.
using GcTrace.Analysis;
using GcTrace.Events;

namespace GcTrace.Output.Charts;

public sealed class ChartSink(ChartOptions options) : IEventSink
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

    /// <summary>Writes the charts into <paramref name="dir"/> with what the analysis found; returns the files written.</summary>
    public IReadOnlyList<string> Render(string dir, TraceSummary summary, PauseDistribution pauses, ChartAnnotations? extra = null)
    {
        Directory.CreateDirectory(dir);
        return ChartRenderer.RenderAll(_series, Annotate(summary, pauses, extra ?? ChartAnnotations.None), dir, options);
    }

    private ChartAnnotations Annotate(TraceSummary s, PauseDistribution pauses, ChartAnnotations extra)
    {
        // The analysis counts window time from the first cycle; the series plots the runtime's @S.
        var origin = double.IsNaN(_series.FirstS) ? 0 : _series.FirstS;
        return extra with
        {
            StwP50Ms = s.StwMs.P50,
            StwP99Ms = s.StwMs.P99,
            StwCounts = pauses.Counts,
            LiveSlopeMbPerMin = s.Heap.LiveSlopeMbPerMin,
            LiveInterceptMb = s.Heap.LiveInterceptMb,
            GcCpu = s.GcCpu.Windows
                .Where(w => w.Cycles > 0)
                .Select(w => new GcCpuWindow(origin + (double)w.StartS, origin + (double)(w.StartS + w.WidthS),
                    w.AssistFraction ?? 0, w.BackgroundFraction ?? 0, w.IdleFraction ?? 0))
                .ToList(),
        };
    }
}
