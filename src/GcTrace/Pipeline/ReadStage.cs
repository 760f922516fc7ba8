// Stage 1: reads the inputs in order and cuts them into chunks of whole lines.
using System.Threading.Channels;

namespace GcTrace.Pipeline;

internal sealed class ReadStage(IReadOnlyList<string> inputs, int chunkSize, IProgress<long>? progress = null)
{
    /// <summary>A line longer than this is cut, so one runaway line cannot take all memory.</summary>
    public const int MaxLineBytes = 64 << 20;

    private long total;

    public async Task RunAsync(ChannelWriter<LineChunk> writer, CancellationToken token)
    {
        Exception? failure = null;
        try
        {
            foreach (var input in inputs)
            {
                await using var stream = await OpenAsync(input, token).ConfigureAwait(false);
                var before = total;
                await ReadOneAsync(input, stream, writer, token).ConfigureAwait(false);
                if (!token.IsCancellationRequested) InputOpener.CheckComplete(input, stream, total - before);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // SIGINT/SIGTERM: stop reading; what was read is still analysed downstream.
        }
        catch (Exception e)
        {
            failure = e;
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }

    private async Task ReadOneAsync(string name, Stream stream, ChannelWriter<LineChunk> writer, CancellationToken token)
    {
        var buffer = ChunkPool.Rent(chunkSize);
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length) buffer = Grow(buffer, filled);
                int n;
                try
                {
                    n = await ReadAsync(name, stream, buffer.AsMemory(filled), token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested && name == InputOpener.StandardInput)
                {
                    // The abandoned read may still fill this buffer later, so it must not go back to the pool.
                    buffer = [];
                    throw;
                }
                catch (Exception e) when (e is InvalidDataException or IOException && e is not OperationCanceledException)
                {
                    throw new InputException($"{name}: {InputOpener.Describe(e)}", e);
                }
                if (n == 0) break;
                filled += n;
                total += n;
                progress?.Report(total);
                var cut = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (cut == 0 && filled < MaxLineBytes) continue;
                if (cut == 0) cut = filled;
                buffer = await SendAsync(writer, buffer, cut, filled, false, token).ConfigureAwait(false);
                filled -= cut;
            }
            await SendAsync(writer, buffer, filled, filled, true, token).ConfigureAwait(false);
            buffer = [];
        }
        finally
        {
            if (buffer.Length > 0) ChunkPool.Return(buffer);
        }
    }

    // Opening standard input reads its first bytes (gzip detection), which blocks on a quiet pipe like any read.
    private static Task<Stream> OpenAsync(string input, CancellationToken token) =>
        input == InputOpener.StandardInput && token.CanBeCanceled
            ? Task.Run(() => InputOpener.Open(input), CancellationToken.None).WaitAsync(token)
            : Task.FromResult(InputOpener.Open(input));

    /// <summary>
    /// Reads from a pipe or terminal ignore the token: the read blocks until the next line or EOF, so SIGTERM to a quiet
    /// service did nothing until the service wrote again. For standard input the wait, not the read, is cancelled: the
    /// pending read is abandoned (its thread ends with the process) and the run finishes with what was read. Files are
    /// never quiet, so their reads keep the plain path.
    /// </summary>
    private static async ValueTask<int> ReadAsync(string name, Stream stream, Memory<byte> buffer, CancellationToken token)
    {
        if (name != InputOpener.StandardInput || !token.CanBeCanceled) return await stream.ReadAsync(buffer, token).ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
        var read = stream.ReadAsync(buffer, CancellationToken.None);
        if (read.IsCompleted) return read.Result;
        return await read.AsTask().WaitAsync(token).ConfigureAwait(false);
    }

    // Sends buffer[..cut] and returns a new buffer holding the rest (the start of the next line).
    private async ValueTask<byte[]> SendAsync(ChannelWriter<LineChunk> writer, byte[] buffer, int cut, int filled, bool end, CancellationToken token)
    {
        var next = end ? [] : ChunkPool.Rent(Math.Max(chunkSize, filled - cut + 1));
        buffer.AsSpan(cut, filled - cut).CopyTo(next);
        await writer.WriteAsync(new LineChunk(buffer, cut, end), CancellationToken.None).ConfigureAwait(false);
        return next;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var bigger = ChunkPool.Rent(Math.Min(MaxLineBytes, buffer.Length * 2));
        buffer.AsSpan(0, filled).CopyTo(bigger);
        ChunkPool.Return(buffer);
        return bigger;
    }
}
