// Live feedback on stderr while input streams: a status line redrawn at most 4 times a second on a terminal (only when
// its text changed or pass-through erased it), and/or a summary line every --interval for containers and other
// non-terminals, stamped with the time when stderr is not a terminal.
using System.Globalization;
using GcTrace.Output;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

internal sealed class StatusReporter(StatusTerminal? live, TimeSpan? interval, long totalBytes, bool stamped) : IProgress<long>
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);
    private long bytesRead;

    public void Report(long value) => Interlocked.Exchange(ref bytesRead, value);

    public async Task RunAsync(AnalysisSink analysis, CancellationToken token)
    {
        if (live is null && interval is null) return;
        var nextInterval = interval is { } every ? DateTime.UtcNow + every : DateTime.MaxValue;
        using var timer = new PeriodicTimer(live is not null ? Refresh : interval!.Value);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                var line = Line(analysis);
                live?.Draw(line);
                // Without a live line the timer ticks at the interval itself; with one, allow for the timer's jitter.
                if (interval is not null && (live is null || DateTime.UtcNow + Refresh / 2 >= nextInterval))
                {
                    var text = stamped ? DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) + " " + line : line;
                    if (live is not null) live.WriteLine(text);
                    else Console.Error.WriteLine(text);
                    nextInterval = DateTime.UtcNow + interval.Value;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            live?.Clear();
        }
    }

    private string Line(AnalysisSink analysis)
    {
        var s = analysis.Snapshot();
        double? fraction = totalBytes > 0 ? Math.Min(1, Interlocked.Read(ref bytesRead) / (double)totalBytes) : null;
        return LiveStatusLine.Format(s.Cycles, s.Last, s.StwP99Ms, s.GcCpuFraction, fraction);
    }
}
