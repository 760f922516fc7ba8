// CappedBuffer: bytes of unknown length (an HTTP body, a profile file) held in fixed segments up to a cap.
namespace GcTrace.Profiles;

/// <summary>
/// A MemoryStream doubles its array as it grows, so holding N bytes briefly costs up to 3N (old array, new array, the
/// final ToArray copy): a 256 MiB cap cost over half a gigabyte. Here growth adds one segment at a time and nothing is
/// ever copied, so holding N bytes costs N plus at most one segment, and a source that goes past the cap is refused
/// after at most the cap has been read.
/// </summary>
public sealed class CappedBuffer
{
    /// <summary>Segment size: a profile of a few MB is a handful of segments; the last one's slack is at most this.</summary>
    private const int SegmentSize = 1 << 20;

    private readonly List<byte[]> segments = [];

    public CappedBuffer(long cap)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cap);
        Cap = cap;
    }

    /// <summary>The most bytes this buffer accepts.</summary>
    public long Cap { get; }

    public long Length { get; private set; }

    /// <summary>Reads <paramref name="source"/> to its end. Returns false, having read at most <see cref="Cap"/> + 1
    /// bytes, when the source holds more than the cap.</summary>
    public async Task<bool> FillAsync(Stream source, CancellationToken token)
    {
        while (true)
        {
            var target = Space();
            if (target.Length == 0) return await IsAtEndAsync(source, token).ConfigureAwait(false);
            var n = await source.ReadAsync(target, token).ConfigureAwait(false);
            if (n == 0) return true;
            Length += n;
        }
    }

    /// <summary>The synchronous form of <see cref="FillAsync"/>, for files.</summary>
    public bool Fill(Stream source)
    {
        while (true)
        {
            var target = Space();
            if (target.Length == 0) return source.Read(new byte[1], 0, 1) == 0;
            var n = source.Read(target.Span);
            if (n == 0) return true;
            Length += n;
        }
    }

    /// <summary>The first <paramref name="count"/> bytes (fewer if the buffer is shorter), without copying the rest.</summary>
    public byte[] Head(int count)
    {
        var head = new byte[(int)Math.Min(count, Length)];
        using var s = OpenRead();
        s.ReadExactly(head);
        return head;
    }

    /// <summary>The last <paramref name="count"/> bytes; the buffer must hold at least that many.</summary>
    public byte[] Tail(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Length);
        var tail = new byte[count];
        using var s = OpenRead();
        s.Position = Length - count;
        s.ReadExactly(tail);
        return tail;
    }

    /// <summary>A read-only view of the bytes held; any number of views may be open at once.</summary>
    public Stream OpenRead() => new SegmentStream(this);

    private static async Task<bool> IsAtEndAsync(Stream source, CancellationToken token)
    {
        var probe = new byte[1];
        return await source.ReadAsync(probe, token).ConfigureAwait(false) == 0;
    }

    // The free part of the last segment, a new segment if it is full, or empty when the cap is reached.
    private Memory<byte> Space()
    {
        if (Length >= Cap) return Memory<byte>.Empty;
        var used = (int)(Length % SegmentSize);
        if (used == 0 && Length / SegmentSize == segments.Count)
            segments.Add(GC.AllocateUninitializedArray<byte>((int)Math.Min(SegmentSize, Cap - Length)));
        var last = segments[^1];
        return last.AsMemory(used, (int)Math.Min(last.Length - used, Cap - Length));
    }

    private sealed class SegmentStream(CappedBuffer buffer) : Stream
    {
        private long position;

        public override int Read(Span<byte> destination)
        {
            var available = buffer.Length - position;
            if (available <= 0 || destination.Length == 0) return 0;
            var segment = buffer.segments[(int)(position / SegmentSize)];
            var offset = (int)(position % SegmentSize);
            var n = (int)Math.Min(Math.Min(destination.Length, segment.Length - offset), available);
            segment.AsSpan(offset, n).CopyTo(destination);
            position += n;
            return n;
        }

        public override int Read(byte[] array, int offset, int count) => Read(array.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => buffer.Length;

        public override long Position
        {
            get => position;
            set => position = Math.Clamp(value, 0, buffer.Length);
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => buffer.Length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] array, int offset, int count) => throw new NotSupportedException();
    }
}
