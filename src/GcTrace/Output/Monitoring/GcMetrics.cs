// The Prometheus metrics of one run (names and units are part of docs/output-contract.md), on a registry of their own.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using Prometheus;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// Every series of the run, in base units. Updated from three places: <see cref="MetricsSink"/> per cycle (counters,
/// histogram, last heap), a before-scrape hook for what other stages count (input lines, available cpu), and
/// <see cref="SetDiagnosis"/> for the verdict and trend, which a full summary decides. prometheus-net updates are
/// lock-free, so the sink's thread and the scrape thread need no lock of ours.
/// </summary>
public sealed class GcMetrics
{
    /// <summary>The runtime's "MB" is MiB (gctrace-format.md §1.3); Prometheus wants bytes.</summary>
    public const double BytesPerMb = 1048576;

    /// <summary>
    /// Upper bounds of the STW pause histogram in seconds: 1-2.5-5 steps from 10 µs to 1 s. Modern runtimes pause for
    /// tens of µs, go1.5-era and overloaded ones for tens of ms; one fixed set in every process is what makes
    /// <c>histogram_quantile</c> over <c>sum by (le)</c> meaningful across a fleet.
    /// </summary>
    public static readonly double[] StwBucketsS =
    [
        0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ];

    private readonly CollectorRegistry registry;
    private readonly Counter cycles;
    private readonly Counter forced;
    private readonly Histogram stwPause;
    private readonly Counter.Child cpuAssist;
    private readonly Counter.Child cpuBackground;
    private readonly Counter.Child cpuIdle;
    private readonly Counter.Child cpuStw;
    private readonly Counter availableCpu;
    private readonly Gauge heapLive;
    private readonly Gauge heapGoal;
    private readonly Gauge heapSlope;
    private readonly Gauge.Child[] verdict;
    private readonly Gauge confidence;
    private readonly Counter.Child[] inputLines;
    private readonly Counter restarts;

    /// <param name="constantLabels">Added to every series (service, instance, version); see <see cref="ConstantLabels"/>.</param>
    public GcMetrics(IReadOnlyDictionary<string, string> constantLabels)
    {
        registry = Metrics.NewCustomRegistry();
        if (constantLabels.Count > 0) registry.SetStaticLabels(constantLabels.ToDictionary());
        var f = Metrics.WithCustomRegistry(registry);
        cycles = f.CreateCounter(MetricNames.GcCycles, "GC cycles seen (the gc lines the run's filters keep).");
        forced = f.CreateCounter(MetricNames.GcForcedCycles, "GC cycles printed with (forced): runtime.GC() and friends.");
        stwPause = f.CreateHistogram(MetricNames.StwPause, "Stop-the-world clock time of each GC cycle, all STW phases summed.",
            new HistogramConfiguration { Buckets = StwBucketsS });
        var cpu = f.CreateCounter(MetricNames.GcCpu, "GC cpu time by part, from the gc lines' cpu values.", [MetricNames.PartLabel]);
        cpuAssist = cpu.WithLabels(MetricNames.Parts.Assist);
        cpuBackground = cpu.WithLabels(MetricNames.Parts.Background);
        cpuIdle = cpu.WithLabels(MetricNames.Parts.Idle);
        cpuStw = cpu.WithLabels(MetricNames.Parts.Stw);
        availableCpu = f.CreateCounter(MetricNames.AvailableCpu, "Wall time covered by the trace times GOMAXPROCS (P): the cpu GC could have used.");
        heapLive = f.CreateGauge(MetricNames.HeapLive, "Live heap after the last GC cycle (the runtime's MB x 1048576).");
        heapGoal = f.CreateGauge(MetricNames.HeapGoal, "Heap goal of the last GC cycle.");
        heapSlope = f.CreateGauge(MetricNames.HeapLiveSlope, "Least-squares slope of the live heap over the trace, the trend the verdict uses.");
        var kinds = f.CreateGauge(MetricNames.Verdict, "1 for the current verdict kind, 0 for the others.", [MetricNames.KindLabel]);
        verdict = MetricNames.VerdictKinds.Select(k => kinds.WithLabels(ContractNames.Of(k))).ToArray();
        confidence = f.CreateGauge(MetricNames.VerdictConfidence, "How much the evidence supports the verdict: low 0.33, medium 0.67, high 1.");
        var lines = f.CreateCounter(MetricNames.InputLines, "Input lines read, by kind.", [MetricNames.KindLabel]);
        inputLines = MetricNames.LineKinds.Select(k => lines.WithLabels(k)).ToArray();
        restarts = f.CreateCounter(MetricNames.ProcessRestarts, "Times the traced program restarted (gc numbers or the clock went back).");

        // Every series exists from the first scrape, so absent() and rate() see zeros rather than nothing.
        foreach (var child in new[] { cpuAssist, cpuBackground, cpuIdle, cpuStw }) child.Publish();
        foreach (var child in inputLines) child.Publish();
        SetVerdict(VerdictKind.Inconclusive, Confidence.Low);
    }

    internal CollectorRegistry Registry => registry;

    /// <summary>Cycles counted so far: tells a re-diagnosis whether anything changed.</summary>
    public long CyclesCounted => (long)cycles.Value;

    /// <summary>Runs before every scrape or push, on the scraping thread: the place to copy in what other stages count.</summary>
    public void BeforeCollect(Action refresh) => registry.AddBeforeCollectCallback(refresh);

    /// <summary>Adds a batch's cycles (see <see cref="CycleTally"/>) to every per-cycle series.</summary>
    internal void Add(CycleTally tally)
    {
        if (tally.Cycles == 0) return;
        cycles.Inc(tally.Cycles);
        if (tally.Forced > 0) forced.Inc(tally.Forced);
        if (tally.Restarts > 0) restarts.Inc(tally.Restarts);
        for (var i = 0; i < tally.PauseCounts.Length; i++)
        {
            if (tally.PauseCounts[i] > 0) stwPause.Observe(tally.PauseSumS(i) / tally.PauseCounts[i], tally.PauseCounts[i]);
        }
        cpuAssist.Inc(tally.AssistCpuS);
        cpuBackground.Inc(tally.BackgroundCpuS);
        cpuIdle.Inc(tally.IdleCpuS);
        cpuStw.Inc(tally.StwCpuS);
        heapLive.Set(tally.Last!.HeapLiveMb * BytesPerMb);
        heapGoal.Set(tally.Last.HeapGoalMb * BytesPerMb);
    }

    /// <summary>Line counts so far (counters only rise, so a stale copy never moves them back).</summary>
    public void SetInput(InputSummary input)
    {
        inputLines[0].IncTo(input.GcLines);
        inputLines[1].IncTo(input.OtherTraceLines);
        inputLines[2].IncTo(input.AppLines);
        inputLines[3].IncTo(input.UnrecognizedGcLines);
        inputLines[4].IncTo(input.RepairedGcLines);
    }

    /// <summary>The available cpu (wall time x P) so far, in ms as the analyzer keeps it.</summary>
    public void SetAvailableCpu(decimal availableMs) => availableCpu.IncTo((double)availableMs / 1000);

    /// <summary>The verdict and heap trend of a full diagnosis (made off the per-event path: see <see cref="LiveDiagnosis"/>).</summary>
    public void SetDiagnosis(TraceDiagnosis diagnosis)
    {
        SetVerdict(diagnosis.Verdict.Kind, diagnosis.Verdict.Confidence);
        var summary = diagnosis.Summary;
        if (summary.Heap.LiveSlopeMbPerMin is { } slope) heapSlope.Set(slope * BytesPerMb / 60);
        SetAvailableCpu(summary.GcCpu.AvailableCpuMs);
    }

    private void SetVerdict(VerdictKind kind, Confidence level)
    {
        for (var i = 0; i < verdict.Length; i++) verdict[i].Set(MetricNames.VerdictKinds[i] == kind ? 1 : 0);
        confidence.Set(VerdictConfidence.Value(level));
    }

    /// <summary>Writes every series in the Prometheus text format, or OpenMetrics when <paramref name="openMetrics"/>.</summary>
    public Task WriteAsync(Stream stream, bool openMetrics, CancellationToken token) =>
        registry.CollectAndExportAsTextAsync(stream, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, token);
}
