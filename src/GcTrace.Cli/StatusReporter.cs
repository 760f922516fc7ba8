// Live feedback on stderr while input streams: a status line redrawn at most 4 times a second on a terminal, and/or a
// summary line every --interval for containers and other non-terminals.
using GcTrace.Output;
using GcTrace.Pipeline;

namespace GcTrace.Cli;

internal sealed class StatusReporter(bool live, TimeSpan? interval, long totalBytes) : IProgress<long>
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);
    private long _bytesRead;
    private bool _drawn;

    public void Report(long value) => Interlocked.Exchange(ref _bytesRead, value);

    public async Task RunAsync(AnalysisSink analysis, CancellationToken token)
    {
        if (!live && interval is null) return;
        var nextInterval = interval is { } every ? DateTime.UtcNow + every : DateTime.MaxValue;
        using var timer = new PeriodicTimer(live ? Refresh : interval!.Value);
        try
        {
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            {
                var line = Line(analysis);
                if (live)
                {
                    Console.Error.Write("\r" + line + "\u001b[K");
                    _drawn = true;
                }
                // Without a live line the timer ticks at the interval itself; with one, allow for the timer's jitter.
                if (interval is not null && (!live || DateTime.UtcNow + Refresh / 2 >= nextInterval))
                {
                    if (live) Console.Error.Write("\r\u001b[K");
                    Console.Error.WriteLine(line);
                    nextInterval = DateTime.UtcNow + interval.Value;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            if (_drawn) Console.Error.Write("\r\u001b[K");
        }
    }

    private string Line(AnalysisSink analysis)
    {
        var s = analysis.Snapshot();
        double? fraction = totalBytes > 0 ? Math.Min(1, Interlocked.Read(ref _bytesRead) / (double)totalBytes) : null;
        return LiveStatusLine.Format(s.Cycles, s.Last, s.StwP99Ms, s.GcCpuFraction, fraction);
    }
}
