// Keeps the verdict and heap-trend gauges current while the pipe runs, without touching the per-event path.
using GcTrace.Diagnosis;

namespace GcTrace.Output.Monitoring;

/// <summary>
/// A full summary and verdict (Theil-Sen, envelope, rules, profiles) costs milliseconds, far too much per cycle. So it
/// runs on the scraping thread just before a scrape, at most once per <see cref="MinInterval"/>, and only when cycles
/// came in since the last one. No scraper, no work.
/// </summary>
public sealed class LiveDiagnosis(GcMetrics metrics, Func<TraceDiagnosis> diagnose, TimeProvider time)
{
    /// <summary>
    /// At most one re-diagnosis per 5 s: a verdict is about minutes of trend, Prometheus scrapes every 15-60 s, and a
    /// second scraper (an HA pair) or a short test interval should not make it run more often.
    /// </summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private long diagnosedCycles = -1;
    private DateTimeOffset diagnosedAt = DateTimeOffset.MinValue;

    public LiveDiagnosis(GcMetrics metrics, Func<TraceDiagnosis> diagnose)
        : this(metrics, diagnose, TimeProvider.System)
    {
    }

    /// <summary>Re-diagnoses when due; a concurrent caller skips rather than waits.</summary>
    public void Refresh()
    {
        if (!gate.TryEnter()) return;
        try
        {
            var cycles = metrics.CyclesCounted;
            var now = time.GetUtcNow();
            if (cycles == diagnosedCycles || now - diagnosedAt < MinInterval) return;
            metrics.SetDiagnosis(diagnose());
            diagnosedCycles = cycles;
            diagnosedAt = now;
        }
        finally
        {
            gate.Exit();
        }
    }
}
