// Stage 2: scans chunks into events, passes application output through, and counts every line.
using System.Threading.Channels;
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Parsing;

namespace GcTrace.Pipeline;

/// <summary>
/// Application bytes are written to <c>passthrough</c> as they are found and flushed whenever the stage has caught up
/// with its input, so a slow producer's line reaches stdout at once rather than when a buffer fills. Events travel on in
/// batches of at most <see cref="BatchSize"/>: a 1 MiB chunk of gc lines is ~7,700 cycles (~2.8 MB), and whole-chunk
/// batches queued in two channels held ~100 MB on a gc-only log.
/// </summary>
internal sealed class ParseStage : IScanOutput
{
    private readonly Stream? passthrough;
    private readonly InputCounters counters;
    private readonly TraceScanner scanner;
    /// <summary>Events per batch: large enough that a channel hop costs nothing per event, small enough to keep RSS flat.</summary>
    public const int BatchSize = 1024;

    private readonly List<List<TraceEvent>> full = [];
    private List<TraceEvent> batch = new(BatchSize);

    public ParseStage(Stream? passthrough, InputCounters counters)
    {
        this.passthrough = passthrough;
        this.counters = counters;
        scanner = new TraceScanner(this);
    }

    public async Task RunAsync(ChannelReader<LineChunk> reader, ChannelWriter<IReadOnlyList<TraceEvent>> writer)
    {
        Exception? failure = null;
        try
        {
            while (await WaitForInputAsync(reader, writer).ConfigureAwait(false))
            {
                while (reader.TryRead(out var chunk))
                {
                    try
                    {
                        scanner.Scan(chunk.Span);
                        if (chunk.EndOfInput) scanner.Complete();
                    }
                    finally
                    {
                        chunk.Return();
                    }
                    foreach (var filled in full) await writer.WriteAsync(filled).ConfigureAwait(false);
                    full.Clear();
                    if (batch.Count > 0)
                    {
                        await writer.WriteAsync(batch).ConfigureAwait(false);
                        batch = new(BatchSize);
                    }
                }
                passthrough?.Flush();
            }
            await reader.Completion.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            scanner.Complete();
            foreach (var filled in full) writer.TryWrite(filled);
            if (batch.Count > 0) writer.TryWrite(batch);
            FlushQuietly();
            writer.TryComplete(failure);
        }
    }

    /// <summary>
    /// How long, in pipe mode, a gc line split by other output may hold back the application's lines while its remainder
    /// does not come. The runtime writes a gc line's pieces microseconds apart, so an idle input this long means the rest
    /// is not coming soon (the program stalled or died), and a live user should see their lines. Long enough that a busy
    /// machine's scheduling hiccup does not cost a repair; reading files, nothing waits for output and nothing is given up.
    /// </summary>
    public static readonly TimeSpan HoldLimit = TimeSpan.FromMilliseconds(250);

    private async ValueTask<bool> WaitForInputAsync(ChannelReader<LineChunk> reader, ChannelWriter<IReadOnlyList<TraceEvent>> writer)
    {
        if (!scanner.IsHoldingSplitLine || passthrough is null) return await reader.WaitToReadAsync().ConfigureAwait(false);
        var wait = reader.WaitToReadAsync().AsTask();
        if (await Task.WhenAny(wait, Task.Delay(HoldLimit)).ConfigureAwait(false) == wait) return await wait.ConfigureAwait(false);
        scanner.Complete();
        if (batch.Count > 0)
        {
            await writer.WriteAsync(batch).ConfigureAwait(false);
            batch = new(BatchSize);
        }
        passthrough?.Flush();
        return await wait.ConfigureAwait(false);
    }

    public void OnEvent(TraceEvent e)
    {
        counters.CountLine();
        switch (e)
        {
            case GcCycle c:
                counters.CountGcLine();
                if (c.Repaired) counters.CountRepairedGcLine();
                break;
            case UnrecognizedLine:
                counters.CountUnrecognizedGcLine();
                break;
            default:
                counters.CountOtherTraceLine();
                break;
        }
        batch.Add(e);
        if (batch.Count < BatchSize) return;
        full.Add(batch);
        batch = new(BatchSize);
    }

    public void OnAppText(ReadOnlySpan<byte> bytes, long appLines)
    {
        counters.CountLines(appLines);
        counters.CountAppLines(appLines);
        passthrough?.Write(bytes);
    }

    private void FlushQuietly()
    {
        try
        {
            passthrough?.Flush();
        }
        catch (IOException)
        {
            // The reader of our stdout went away; the caller reports a closed pipe once.
        }
    }
}
