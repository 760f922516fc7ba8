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

    private readonly MinMaxBuckets[] _metrics;
    private double _originS = double.NaN;
    private double _bucketS = InitialBucketS;
    private double _segmentOffsetS;
    private double _lastRawS = double.NegativeInfinity;
    private long _lastNumber = long.MinValue;

    /// <param name="width">Chart width in pixels: one bucket per pixel column, up to two points each.</param>
    public ChartSeries(int width = ChartOptions.DefaultWidth)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "must be at least 1 pixel");
        BucketCount = width;
        _metrics = new MinMaxBuckets[Enum.GetValues<ChartMetric>().Length];
        for (int i = 0; i < _metrics.Length; i++) _metrics[i] = new MinMaxBuckets(width);
    }

    public int BucketCount { get; }

    /// <summary>Cycles added, forced ones included.</summary>
    public long Count { get; private set; }

    public long ForcedCount { get; private set; }

    /// <summary>How many times the trace time went backwards (a new process started).</summary>
    public int Restarts { get; private set; }

    private const int MaxRestartTimes = 64;
    private readonly List<double> _restartTimes = [];

    /// <summary>Where each process restart begins on the chart's time axis (the first <see cref="MaxRestartTimes"/>).</summary>
    public IReadOnlyList<double> RestartTimesS => _restartTimes;

    /// <summary>Trace time of the first and last cycle, seconds; NaN before the first cycle.</summary>
    public double FirstS => _originS;

    public double LastS { get; private set; } = double.NaN;

    /// <summary>Seconds of trace time per bucket now (doubles each time the buckets are merged).</summary>
    public double BucketSeconds => _bucketS;

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
    private readonly List<TimeRange> _gaps = [];
    private double _intervalSumS;
    private long _intervals;

    /// <summary>
    /// Where the data have holes (cycles missing from the numbering, a jump in trace time, a process restart), from the
    /// last cycle before to the first after (the first <see cref="MaxGaps"/>): lines are broken there, not drawn across.
    /// </summary>
    public IReadOnlyList<TimeRange> Gaps => _gaps;

    public void Add(GcCycle cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        double raw = (double)cycle.StartS;
        bool gap = false;
        if (Count > 0 && (raw < _lastRawS || cycle.Number < _lastNumber))
        {
            _segmentOffsetS = LastS;
            Restarts++;
            if (_restartTimes.Count < MaxRestartTimes) _restartTimes.Add(_segmentOffsetS + raw);
            gap = true;
        }
        else if (Count > 0)
        {
            double dt = raw - _lastRawS;
            gap = cycle.Number > _lastNumber + 1
                || dt > ForcedGcPeriodS
                || (_intervals >= MinIntervalsForJump && dt > MinJumpS && dt > TimeJumpFactor * (_intervalSumS / _intervals));
            _intervalSumS += dt;
            _intervals++;
        }
        _lastRawS = raw;
        _lastNumber = cycle.Number;

        double t = _segmentOffsetS + raw;
        if (gap && _gaps.Count < MaxGaps) _gaps.Add(new TimeRange(LastS, t));
        if (Count == 0) _originS = t;
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
    public IReadOnlyList<ChartPoint> Points(ChartMetric metric) => _metrics[(int)metric].Points();

    private void Put(ChartMetric metric, int bucket, double t, double value) =>
        _metrics[(int)metric].Add(bucket, new ChartPoint(t, value));

    private int BucketOf(double t)
    {
        // Trace time only moves forward (restarts are shifted), so t >= origin and growth is the only case.
        double offset = t - _originS;
        while (offset / _bucketS >= BucketCount)
        {
            foreach (MinMaxBuckets m in _metrics) m.Halve();
            _bucketS *= 2;
        }
        return (int)(offset / _bucketS);
    }
}
