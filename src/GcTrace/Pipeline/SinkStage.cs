// Stage 3: fans each batch out to every sink, each behind its own bounded channel and task.
using System.Threading.Channels;
using GcTrace.Analysis;
using GcTrace.Events;
using GcTrace.Output;

namespace GcTrace.Pipeline;

internal static class SinkStage
{
    private const int Capacity = 4;

    /// <summary>
    /// Broadcasts batches to every sink. A sink that throws is reported once (through the returned failures) and dropped
    /// from the fan-out; the others keep going.
    /// </summary>
    public static async Task<IReadOnlyList<SinkFailure>> RunAsync(
        ChannelReader<IReadOnlyList<TraceEvent>> reader, IReadOnlyList<IEventSink> sinks, Func<InputSummary> counts)
    {
        var failures = new List<SinkFailure>();
        var channels = sinks.Select(_ => Channel.CreateBounded<IReadOnlyList<TraceEvent>>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true })).ToArray();
        var tasks = sinks.Select((sink, i) => Task.Run(() => DrainAsync(sink, channels[i].Reader, counts, failures))).ToArray();

        Exception? upstream = null;
        try
        {
            await foreach (var batch in reader.ReadAllAsync().ConfigureAwait(false))
            {
                for (var i = 0; i < channels.Length; i++)
                    if (!tasks[i].IsCompleted) await channels[i].Writer.WriteAsync(batch).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            upstream = e;
        }
        finally
        {
            foreach (var c in channels) c.Writer.TryComplete();
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
        if (upstream is not null) throw upstream;
        return failures;
    }

    private static async Task DrainAsync(IEventSink sink, ChannelReader<IReadOnlyList<TraceEvent>> reader, Func<InputSummary> counts, List<SinkFailure> failures)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync().ConfigureAwait(false)) sink.Write(batch);
            sink.Complete(counts());
        }
        catch (Exception e)
        {
            lock (failures) failures.Add(new SinkFailure(sink.Name, e));
            // Keep draining so the fan-out never blocks on a sink that gave up.
            while (await reader.WaitToReadAsync().ConfigureAwait(false)) while (reader.TryRead(out _)) { }
        }
    }
}

/// <summary>A sink that failed, reported once by name.</summary>
public sealed record SinkFailure(string Sink, Exception Error);
