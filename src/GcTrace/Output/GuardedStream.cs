// An output file's stream that remembers whether a write failed or is still blocked, so closing can skip or drop it.
namespace GcTrace.Output;

/// <summary>
/// Closing a stream flushes it, and a flush into a FIFO nobody reads never returns; a stream whose write failed (disk
/// full) must not be renamed to its final name. The sink writing through this stream reports its own failure; this only
/// lets <see cref="OutputFiles"/> know, at the end, which files are complete. Writes come from one sink task at a time.
/// </summary>
internal sealed class GuardedStream(Stream inner) : Stream
{
    private int busy;
    private int closed;

    /// <summary>A write or flush threw: the file is incomplete.</summary>
    public bool Failed { get; private set; }

    /// <summary>A write or flush has not returned (it may never: a stalled FIFO); the stream must not be touched.</summary>
    public bool Busy => Volatile.Read(ref busy) == 1;

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Volatile.Write(ref busy, 1);
        try
        {
            inner.Write(buffer);
        }
        catch
        {
            Failed = true;
            throw;
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }

    public override void WriteByte(byte value) => Guard(() => inner.WriteByte(value));

    public override void Flush() => Guard(inner.Flush);

    /// <summary>Flushes and closes the file (once); a failure marks it failed and is rethrown.</summary>
    public void Close(bool flush)
    {
        if (Interlocked.Exchange(ref closed, 1) == 1) return;
        if (flush) Guard(inner.Flush);
        Guard(inner.Dispose);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !Busy) Close(flush: true);
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Guard(Action write)
    {
        Volatile.Write(ref busy, 1);
        try
        {
            write();
        }
        catch
        {
            Failed = true;
            throw;
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }
}
