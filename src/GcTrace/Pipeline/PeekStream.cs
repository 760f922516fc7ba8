// A read-only stream wrapper that can look at the first bytes (for gzip detection) without losing them, even on a pipe.
namespace GcTrace.Pipeline;

internal sealed class PeekStream(Stream inner) : Stream
{
    private readonly byte[] head = new byte[2];
    private int headLength = -1;
    private int headPos;

    public bool StartsWith(byte a, byte b)
    {
        if (headLength < 0)
        {
            headLength = 0;
            while (headLength < 2)
            {
                var n = inner.Read(head, headLength, 2 - headLength);
                if (n == 0) break;
                headLength += n;
            }
        }
        return headLength == 2 && head[0] == a && head[1] == b;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (headLength > headPos && buffer.Length > 0)
        {
            var n = Math.Min(buffer.Length, headLength - headPos);
            head.AsSpan(headPos, n).CopyTo(buffer);
            headPos += n;
            return n;
        }
        return inner.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (headLength > headPos) return Read(buffer.Span);
        return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
