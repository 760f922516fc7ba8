// Collects the per-cycle chart data one GcCycle at a time, in memory that does not grow with the trace.
using GcTrace.Events;

namespace GcTrace.Output.Charts;

/// <summary>
/// Feed every <see cref="GcCycle"/> through <see cref="Add"/>. Time is cut into a fixed number of buckets and
/// each metric keeps only the min and max point of each bucket, so a series never holds more than
/// 2 x <see cref="BucketCount"/> points. When a cycle falls past the last bucket, neighbouring buckets are
/// merged (the resolution halves) until it fits: memory is fixed at construction, whatever the input size.
/// </summary>
/// <remarks>
/// The x axis is trace time: a cycle's <c>@S.SSSs</c>, continued across restarts. The runtime counts from its
/// own start, so when the clock (or the cycle number) goes backwards a new process has started, and its times
/// are shifted to begin where the previous process's trace ended. Annotations must use the same time base.
/// </remarks>
public sealed class ChartSeries
{
    // The runtime prints times with ms resolution, so a finer bucket would only ever hold one timestamp.
    private const double InitialBucketS = 0.001;

    private readonly MinMaxBuckets[] metrics;
    private double originS = double.NaN;
    private double bucketS = InitialBucketS;
    private double segmentOffsetS;
    private double lastRawS = double.NegativeInfinity;
    private long lastNumber = long.MinValue;

    /// <param name="width">Chart width in pixels: one bucket per pixel column, up to two points each.</param>
    public ChartSeries(int width = ChartOptions.DefaultWidth)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "must be at least 1 pixel");
        BucketCount = width;
        metrics = new MinMaxBuckets[Enum.GetValues<ChartMetric>().Length];
        for (int i = 0; i < metrics.Length; i++) metrics[i] = new MinMaxBuckets(width);
    }

    public int BucketCount { get; }

    /// <summary>Cycles added, forced ones included.</summary>
    public long Count { get; private set; }

    public long ForcedCount { get; private set; }

    /// <summary>How many times the trace time went backwards (a new process started).</summary>
    public int Restarts { get; private set; }

    private const int MaxRestartTimes = 64;
    private readonly List<double> restartTimes = [];

    /// <summary>Where each process restart begins on the chart's time axis (the first <see cref="MaxRestartTimes"/>).</summary>
    public IReadOnlyList<double> RestartTimesS => restartTimes;

    /// <summary>Trace time of the first and last cycle, seconds; NaN before the first cycle.</summary>
    public double FirstS => originS;

    public double LastS { get; private set; } = double.NaN;

    /// <summary>Seconds of trace time per bucket now (doubles each time the buckets are merged).</summary>
    public double BucketSeconds => bucketS;

    /// <summary>
    /// A pause between cycles this many times the mean interval so far is a hole in the data (the program stopped
    /// logging, or lines were cut out), not a stretch where the heap moved in a straight line.
    /// </summary>
    public const double TimeJumpFactor = 10;

    // Intervals seen before a jump can be told from the program's own rhythm.
    private const int MinIntervalsForJump = 3;

    // Start-up collects a few times within milliseconds; against that rhythm a normal 1 s interval would look like a hole.
    private const double MinJumpS = 1;

    /// <summary>The runtime forces a GC at least every 2 minutes (forcegcperiod), so a longer silence is lost output.</summary>
    private const double ForcedGcPeriodS = 120;

    private const int MaxGaps = 256;
    private readonly List<TimeRange> gaps = [];
    private double intervalSumS;
    private long intervals;

    /// <summary>
    /// Where the data have holes (cycles missing from the numbering, a jump in trace time, a process restart), from the
    /// last cycle before to the first after (the first <see cref="MaxGaps"/>): lines are broken there, not drawn across.
    /// </summary>
    public IReadOnlyList<TimeRange> Gaps => gaps;

    public void Add(GcCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        double raw = (double)cycle.StartS;
        bool gap = false;
        if (Count > 0 && (raw < lastRawS || cycle.Number < lastNumber))
        {
            segmentOffsetS = LastS;
            Restarts++;
            if (restartTimes.Count < MaxRestartTimes) restartTimes.Add(segmentOffsetS + raw);
            gap = true;
        }
        else if (Count > 0)
        {
            double dt = raw - lastRawS;
            gap = cycle.Number > lastNumber + 1
                || dt > ForcedGcPeriodS
                || (intervals >= MinIntervalsForJump && dt > MinJumpS && dt > TimeJumpFactor * (intervalSumS / intervals));
            intervalSumS += dt;
            intervals++;
        }
        lastRawS = raw;
        lastNumber = cycle.Number;

        double t = segmentOffsetS + raw;
        if (gap && gaps.Count < MaxGaps) gaps.Add(new TimeRange(LastS, t));
        if (Count == 0) originS = t;
        LastS = t;
        Count++;

        int bucket = BucketOf(t);
        Put(ChartMetric.StwMs, bucket, t, (double)cycle.StwTotalMs);
        if (cycle.Forced)
        {
            ForcedCount++;
            Put(ChartMetric.ForcedStwMs, bucket, t, (double)cycle.StwTotalMs);
        }
        Put(ChartMetric.HeapStartMb, bucket, t, cycle.HeapStartMb);
        Put(ChartMetric.HeapEndMb, bucket, t, cycle.HeapEndMb);
        Put(ChartMetric.HeapLiveMb, bucket, t, cycle.HeapLiveMb);
        Put(ChartMetric.HeapGoalMb, bucket, t, cycle.HeapGoalMb);
        Put(ChartMetric.CycleNumber, bucket, t, cycle.Number);
    }

    /// <summary>
    /// The chart time of cycle <paramref name="number"/>, to the resolution of the kept points (the last segment that
    /// reached it, after restarts); null when no kept cycle reached it.
    /// </summary>
    public double? TimeOfCycle(long number)
    {
        var points = Points(ChartMetric.CycleNumber);
        double? found = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value < number) continue;
            found = points[i].TimeS;
            while (i + 1 < points.Count && points[i + 1].Value >= points[i].Value) i++; // skip to this segment's end
        }
        return found;
    }

    /// <summary>The kept points of one metric, in time order: at most 2 x <see cref="BucketCount"/>.</summary>
    public IReadOnlyList<ChartPoint> Points(ChartMetric metric) => metrics[(int)metric].Points();

    private void Put(ChartMetric metric, int bucket, double t, double value) =>
        metrics[(int)metric].Add(bucket, new ChartPoint(t, value));

    private int BucketOf(double t)
    {
        // Trace time only moves forward (restarts are shifted), so t >= origin and growth is the only case.
        double offset = t - originS;
        while (offset / bucketS >= BucketCount)
        {
            foreach (MinMaxBuckets m in metrics) m.Halve();
            bucketS *= 2;
        }
        return (int)(offset / bucketS);
    }
}
