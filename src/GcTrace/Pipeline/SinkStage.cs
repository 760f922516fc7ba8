// Stage 3: fans each batch out to every sink, each on its own task; a side output that stalls is detached, not waited for.
using System.Diagnostics;
using System.Threading.Channels;
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output;

namespace GcTrace.Pipeline;

/// <summary>
/// The analysis is lossless: it sits behind a small bounded channel that waits (backpressure), and it only computes.
/// Side outputs (CSV, JSON Lines, charts) write to files, FIFOs and pipes that can stop taking data; waiting for them
/// would hold the application's lines back (the parse stage waits on this stage). So a side output gets a queue the
/// fan-out never waits on, bounded by <see cref="MaxPendingEvents"/>, and is detached (reported once, fed no more) when it
/// falls that far behind or makes no progress for <see cref="StallLimit"/> while work waits for it. A sink that throws
/// is reported once and dropped from the fan-out; the others keep going.
/// </summary>
internal static class SinkStage
{
    /// <summary>Batches the lossless analysis may have queued: enough to overlap its work with parsing.</summary>
    private const int LosslessCapacity = 4;

    /// <summary>Events a side output may have waiting: about a minute of a very busy trace (1,000 cycles/s), a few tens
    /// of MB of records at most, whatever the output does.</summary>
    public const long MaxPendingEvents = 1 << 16;

    /// <summary>A side output with work waiting and no progress for this long is stalled.</summary>
    public static TimeSpan StallLimit => OutputStalledException.StallLimit;

    /// <summary>How often the end of the run looks at side outputs that are still finishing.</summary>
    private static readonly TimeSpan FinishPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Broadcasts batches to every sink; <paramref name="lossless"/> tells the sinks that must see every event and may
    /// hold the pipeline back. Each failure is passed to <paramref name="onFailure"/> when it happens and returned.
    /// </summary>
    public static async Task<IReadOnlyList<SinkFailure>> RunAsync(
        ChannelReader<IReadOnlyList<TraceEvent>> reader, IReadOnlyList<IEventSink> sinks, Func<InputSummary> counts,
        Func<IEventSink, bool> lossless, Action<SinkFailure>? onFailure = null)
    {
        var failures = new List<SinkFailure>();
        void Fail(SinkFailure f)
        {
            lock (failures) failures.Add(f);
            onFailure?.Invoke(f);
        }

        var lanes = sinks.Select(s => new Lane(s, lossless(s), counts, Fail)).ToArray();
        Exception? upstream = null;
        try
        {
            await foreach (var batch in reader.ReadAllAsync().ConfigureAwait(false))
            {
                foreach (var lane in lanes) await lane.OfferAsync(batch).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            upstream = e;
        }
        finally
        {
            foreach (var lane in lanes) lane.Finish();
        }

        // Wait for every lane to finish, but detach a side output that stops making progress while it finishes.
        while (lanes.Any(l => !l.IsSettled))
        {
            var open = lanes.Where(l => !l.IsSettled).Select(l => l.Task).ToList();
            await Task.WhenAny([.. open, Task.Delay(FinishPoll)]).ConfigureAwait(false);
            foreach (var lane in lanes) lane.DetachIfStalled();
        }
        if (upstream is not null) throw upstream;
        lock (failures) return failures.ToList();
    }

    /// <summary>One sink, its queue and its task.</summary>
    private sealed class Lane
    {
        private readonly IEventSink sink;
        private readonly bool lossless;
        private readonly Action<SinkFailure> fail;
        private readonly Channel<IReadOnlyList<TraceEvent>> queue;
        private long pending;
        private long lastProgress = Stopwatch.GetTimestamp();
        private int done; // 1 once the sink failed or was detached: it is fed nothing more

        public Lane(IEventSink sink, bool lossless, Func<InputSummary> counts, Action<SinkFailure> fail)
        {
            this.sink = sink;
            this.lossless = lossless;
            this.fail = fail;
            queue = lossless
                ? Channel.CreateBounded<IReadOnlyList<TraceEvent>>(new BoundedChannelOptions(LosslessCapacity)
                {
                    FullMode = BoundedChannelFullMode.Wait,
                    SingleReader = true,
                    SingleWriter = true,
                })
                : Channel.CreateUnbounded<IReadOnlyList<TraceEvent>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            Task = Task.Run(() => DrainAsync(counts));
        }

        public Task Task { get; }

        /// <summary>Finished, failed or detached: nothing more to wait for.</summary>
        public bool IsSettled => Task.IsCompleted || Volatile.Read(ref done) == 1;

        public async ValueTask OfferAsync(IReadOnlyList<TraceEvent> batch)
        {
            if (Volatile.Read(ref done) == 1) return;
            if (lossless)
            {
                await queue.Writer.WriteAsync(batch).ConfigureAwait(false);
                return;
            }
            DetachIfStalled();
            if (Volatile.Read(ref done) == 1) return;
            if (Interlocked.Read(ref pending) + batch.Count > MaxPendingEvents)
            {
                Detach($"fell more than {MaxPendingEvents} events behind");
                return;
            }
            Enqueue(batch.Count);
            queue.Writer.TryWrite(batch);
        }

        /// <summary>No more batches; a side output's final write (Complete) counts as work waiting.</summary>
        public void Finish()
        {
            if (!lossless && Volatile.Read(ref done) == 0) Enqueue(1);
            queue.Writer.TryComplete();
        }

        public void DetachIfStalled()
        {
            if (lossless || Volatile.Read(ref done) == 1 || Task.IsCompleted || Interlocked.Read(ref pending) == 0) return;
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastProgress)) >= StallLimit)
                Detach($"took no output for {StallLimit.TotalSeconds:0} s");
        }

        // The stall clock starts when work arrives for an idle sink, not when it last wrote.
        private void Enqueue(long count)
        {
            if (Interlocked.Add(ref pending, count) == count) Interlocked.Exchange(ref lastProgress, Stopwatch.GetTimestamp());
        }

        private void Progress(long count)
        {
            Interlocked.Exchange(ref lastProgress, Stopwatch.GetTimestamp());
            Interlocked.Add(ref pending, -count);
        }

        private void Detach(string why)
        {
            if (Interlocked.Exchange(ref done, 1) == 1) return;
            queue.Writer.TryComplete();
            fail(new SinkFailure(sink.Name, new OutputStalledException($"{why}; detached, so its output is incomplete")));
        }

        private async Task DrainAsync(Func<InputSummary> counts)
        {
            try
            {
                await foreach (var batch in queue.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    if (Volatile.Read(ref done) == 1) return; // detached while it was blocked: write no more
                    sink.Write(batch);
                    Progress(batch.Count);
                }
                if (Volatile.Read(ref done) == 1) return;
                sink.Complete(counts());
                Progress(1);
            }
            catch (Exception e)
            {
                if (Interlocked.Exchange(ref done, 1) == 1) return; // already reported as stalled
                fail(new SinkFailure(sink.Name, e));
                // Keep draining so a lossless fan-out never blocks on a sink that gave up.
                while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false)) while (queue.Reader.TryRead(out _)) { }
            }
        }
    }
}

/// <summary>A sink that failed, reported once by name.</summary>
public sealed record SinkFailure(string Sink, Exception Error);
