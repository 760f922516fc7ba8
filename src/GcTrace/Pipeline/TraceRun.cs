// The composition root: inputs -> read -> parse -> analyze -> diagnose -> outputs. The CLI and the tests both use it.
using GcTrace.Analysis;
using GcTrace.Diagnosis;
using GcTrace.Output;
using GcTrace.Profiles;
using GcTrace.Source;
using GcTrace.Tuning;

namespace GcTrace.Pipeline;
/// <summary>
/// Set what a run reads and where it writes, then <see cref="RunAsync"/>. Per-event sinks see the cycles the
/// <see cref="Filter"/> keeps while input streams; end-of-run sinks get the diagnosis once input has ended; then every
/// file opened through <see cref="Files"/> gets its final name. A failing sink is reported in the result, once; the
/// others keep going. Input errors (a missing file) are thrown as <see cref="InputException"/>.
/// </summary>
public sealed class TraceRun
{
    /// <summary>Files to read in order; <see cref="InputOpener.StandardInput"/> is stdin.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Where application lines go (pipe mode), or null to drop them.</summary>
    public Stream? Passthrough { get; init; }

    /// <summary>Which cycles the analysis and the per-event outputs take (see <see cref="TraceAnalyzer.Filter"/>).</summary>
    public CycleFilter Filter { get; init; } = CycleFilter.None;

    /// <summary>Heap and goroutine profiles to correlate; the scraper adds to it while the run lasts.</summary>
    public ProfileStore Profiles { get; init; } = new();

    /// <summary>Where suspects' Go sources are found (--source); by default the recorded paths as they are.</summary>
    public SourceLocator Sources { get; init; } = new([]);

    /// <summary>The verdict rule; by default the one that reads the trace and <see cref="Profiles"/>.</summary>
    public IVerdictRule? Rule { get; init; }

    /// <summary>Settings to predict GC rate, cost and heap under (--what-if); a gc-pressure verdict gets advice either way.</summary>
    public IReadOnlyList<GcSetting> WhatIf { get; init; } = [];

    public IReadOnlyList<IEventSink> EventSinks { get; init; } = [];

    public IReadOnlyList<IRunSink> RunSinks { get; init; } = [];

    /// <summary>Committed (renamed to their final names) after the end-of-run sinks, disposed in every case.</summary>
    public OutputFiles? Files { get; init; }

    /// <summary>Bytes read so far, for progress reports on large files.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Work beside the pipeline (live status, profile scraping), stopped when input has ended.</summary>
    public IReadOnlyList<Func<AnalysisSink, CancellationToken, Task>> Beside { get; init; } = [];

    /// <summary>Bytes per read; a chunk carries the whole lines of one read.</summary>
    public int ChunkSize { get; init; } = 1 << 20;

    /// <summary>Told at once when a per-event output fails or is detached (the run goes on); all failures are also in
    /// the result.</summary>
    public Action<SinkFailure>? OnOutputFailure { get; init; }

    /// <summary>Runs to the end of input (or <paramref name="token"/>: what was read is still analysed and written).</summary>
    public async Task<TraceRunResult> RunAsync(CancellationToken token)
    {
        try
        {
            var analyzer = new TraceAnalyzer { Filter = Filter };
            var analysis = new AnalysisSink(analyzer);
            // The what-if model sees every cycle, as the verdict does: filters choose only what is shown.
            var recent = new SegmentCycles();
            var sinks = new List<IEventSink> { analysis, new SegmentCyclesSink(recent) };
            sinks.AddRange(EventSinks.Select(s => new FilteredSink(s, Filter)));
            var pipeline = new TracePipeline(Inputs, Passthrough, sinks, analyzer.Input) { Progress = Progress, ChunkSize = ChunkSize, OnSinkFailure = OnOutputFailure };

            using var stopBeside = new CancellationTokenSource();
            var beside = Beside.Select(run => run(analysis, stopBeside.Token)).ToList();
            var failures = new List<SinkFailure>();
            try
            {
                failures.AddRange(await pipeline.RunAsync(token).ConfigureAwait(false));
            }
            finally
            {
                await stopBeside.CancelAsync().ConfigureAwait(false);
                await Task.WhenAll(beside).ConfigureAwait(false);
            }

            var summary = analyzer.Summarize();
            // Interleaved processes are judged one by one (see PerProcessVerdict); otherwise this is the rule itself.
            var diagnosis = new TraceDiagnosis(summary, new PerProcessVerdict(Rule ?? new Diagnoser(Profiles, sources: Sources)).Decide(summary));
            var advise = diagnosis.Verdict.Kind == VerdictKind.GcPressure;
            if (WhatIf.Count > 0 || advise)
            {
                var threshold = advise ? DiagnosisOptions.Default.PressureCostFraction : (double?)null;
                diagnosis = diagnosis with { WhatIf = WhatIfResult.Compute(recent.Snapshot(), WhatIf, threshold) };
            }

            var profiles = Profiles.Snapshot();
            var end = new RunEnd(diagnosis, analyzer.Pauses, profiles.Heaps) { Goroutines = profiles.Goroutines };
            foreach (var sink in RunSinks)
            {
                try
                {
                    sink.Write(end);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutputException)
                {
                    failures.Add(new SinkFailure(sink.Name, e));
                }
            }
            // An output already reported (its writes failed, or it was detached) is not reported again when closed.
            foreach (var e in Files?.Commit() ?? [])
            {
                var name = e.Option.TrimStart('-');
                if (failures.All(f => f.Sink != name)) failures.Add(new SinkFailure(name, e));
            }
            return new TraceRunResult(diagnosis, failures);
        }
        finally
        {
            Files?.Dispose();
        }
    }
}
