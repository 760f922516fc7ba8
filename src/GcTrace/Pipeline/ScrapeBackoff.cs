// When the next --pprof scrape is due and whether its failure is worth a warning, after a run of failed scrapes.
namespace GcTrace.Pipeline;

/// <summary>
/// An endpoint that does not answer is usually down for a while (the service is restarting, or the URL is wrong), so
/// asking it every interval and warning each time fills stderr and helps nobody. After each failed scrape the wait
/// doubles up to <see cref="MaxDelay"/>; the first failure of a run is warned about, later ones only at the 4th, 16th,
/// 64th... A success resets both.
/// </summary>
public sealed class ScrapeBackoff(TimeSpan interval)
{
    /// <summary>Longest wait between attempts: a restarted service is back within minutes, and a longer gap would miss
    /// most of its first heap growth.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>Warn again at these multiples: powers of 4 keep an endless outage to a handful of lines an hour.</summary>
    private const int WarnRatio = 4;

    /// <summary>Failed scrapes since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>The wait before the next attempt, having recorded this attempt's outcome.</summary>
    public TimeSpan Record(bool succeeded)
    {
        if (succeeded)
        {
            ConsecutiveFailures = 0;
            return interval;
        }

        ConsecutiveFailures++;
        return NextDelay();
    }

    /// <summary>The wait that follows the current run of failures (the interval when there is none).</summary>
    public TimeSpan NextDelay()
    {
        if (ConsecutiveFailures == 0) return interval;
        var ceiling = interval > MaxDelay ? interval : MaxDelay;
        var factor = Math.Pow(2, Math.Min(ConsecutiveFailures, 30));
        var delay = interval.TotalMilliseconds * factor;
        return delay >= ceiling.TotalMilliseconds ? ceiling : TimeSpan.FromMilliseconds(delay);
    }

    /// <summary>Whether the failure just recorded should be printed: the first of a run, then the 4th, 16th, 64th...</summary>
    public bool ShouldWarn
    {
        get
        {
            var n = ConsecutiveFailures;
            if (n == 0) return false;
            while (n % WarnRatio == 0) n /= WarnRatio;
            return n == 1;
        }
    }
}
