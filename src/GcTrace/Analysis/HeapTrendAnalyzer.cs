// The live heap over time: level, least-squares and robust slopes, lower envelope, allocation rate, GOGC.
using GcTrace.Events;

namespace GcTrace.Analysis;
/// <summary>
/// A leak shows as live heap (H2, the bytes marked, gctrace-format.md §1.5) that keeps rising, and above all as a lower envelope
/// that rises: the smallest live heap per window is what survives every collection. Slopes use @S as printed (the
/// contract's definition); windows use elapsed trace time so restarts line up end to end.
/// </summary>
public sealed class HeapTrendAnalyzer
{
    public const decimal DefaultWindowS = 1m;
    public const int DefaultMaxWindows = 16;
    public const int DefaultSampleSize = 1024;

    private const int MinEnvelopeWindows = 3;

    private readonly TraceClock clock = new();
    private readonly RunningRegression regression = new();
    private readonly ThinnedSample sample;
    private readonly MergingWindows<MinWindow> envelope;
    private readonly GogcInference gogc = new();
    private GcCycle? first;
    private GcCycle? previous;
    private long minLive = long.MaxValue;
    private long maxLive = long.MinValue;
    private long cycles;
    private long allocatedMb;
    private Exact allocationS;
    private Exact previousStart;

    public HeapTrendAnalyzer(
        decimal windowS = DefaultWindowS, int maxWindows = DefaultMaxWindows, int sampleSize = DefaultSampleSize)
    {
        envelope = new MergingWindows<MinWindow>(windowS, maxWindows, static () => new MinWindow());
        sample = new ThinnedSample(sampleSize);
    }

    public void Add(GcCycle cycle)
    {
        var elapsed = clock.Advance(cycle);
        first ??= cycle;
        cycles++;
        minLive = Math.Min(minLive, cycle.HeapLiveMb);
        maxLive = Math.Max(maxLive, cycle.HeapLiveMb);
        var startS = (double)cycle.StartS;
        regression.Add(startS, cycle.HeapLiveMb);
        sample.Add(startS, cycle.HeapLiveMb);
        envelope.At(elapsed).Add(cycle.HeapLiveMb, cycle.HeapGoalMb);

        if (previous is not null && !clock.NewSegment)
        {
            // What the program allocated between the end of the last cycle (H2 survived) and this one's start (H0).
            allocatedMb += cycle.HeapStartMb - previous.HeapLiveMb;
            allocationS += Exact.Of(cycle.StartS) - previousStart;
            gogc.Add(previous, cycle);
        }

        previous = cycle;
        previousStart = Exact.Of(cycle.StartS);
    }

    /// <summary>The trend so far. Does not change the analyzer, so it can be called mid-stream.</summary>
    public HeapSummary Summarize()
    {
        var points = new List<EnvelopePoint>();
        var envelopeSample = new List<(double X, double Y)>();
        for (var i = 0; i < envelope.Windows.Count; i++)
        {
            if (envelope.Windows[i].MinLiveMb is { } min)
            {
                var start = envelope.StartOf(i);
                points.Add(new EnvelopePoint(start, envelope.WidthS, min) { GoalMbMin = envelope.Windows[i].MinGoalMb });
                envelopeSample.Add(((double)(start + envelope.WidthS / 2m), min));
            }
        }

        var envelopeSlope = points.Count >= MinEnvelopeWindows ? PerMinute(TheilSen.Slope(envelopeSample)) : null;
        var span = clock.SpanS;
        return new HeapSummary(
            first?.HeapLiveMb,
            previous?.HeapLiveMb,
            cycles == 0 ? null : minLive,
            cycles == 0 ? null : maxLive,
            PerMinute(regression.Slope),
            previous?.HeapGoalMb,
            allocationS.Units > 0 ? Math.Round(allocatedMb / (double)allocationS.ToDecimal(), 6) : null,
            gogc.Median(),
            PerMinute(TheilSen.Slope(sample.Points)),
            envelopeSlope,
            envelopeSlope > 0,
            points,
            cycles >= 2 && span > 0m ? Math.Round(cycles / (double)span, 6) : null,
            gogc.Signs())
        {
            LiveInterceptMb = regression.Intercept,
        };
    }

    private static double? PerMinute(double? perSecond) => perSecond * 60;
}
