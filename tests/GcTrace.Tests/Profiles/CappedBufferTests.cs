// CappedBuffer: holds a stream's bytes in segments up to a cap and reads them back unchanged.
using GcTrace.Profiles;

namespace GcTrace.Tests.Profiles;

public class CappedBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((1 << 20) - 1)]
    [InlineData(1 << 20)]
    [InlineData((3 << 20) + 17)]
    public void Fill_UnderTheCap_ReadsBackTheSameBytes(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var buffer = new CappedBuffer(4 << 20);

        buffer.Fill(new MemoryStream(data)).Should().BeTrue();

        buffer.Length.Should().Be(size);
        using var copy = new MemoryStream();
        buffer.OpenRead().CopyTo(copy);
        copy.ToArray().Should().Equal(data);
        if (size >= 4) buffer.Tail(4).Should().Equal(data[^4..]);
    }

    [Fact]
    public void Fill_ExactlyTheCap_IsAccepted_OneMoreByteIsNot()
    {
        const int cap = (1 << 20) + 5;

        new CappedBuffer(cap).Fill(new MemoryStream(new byte[cap])).Should().BeTrue();
        var over = new CappedBuffer(cap);
        over.Fill(new MemoryStream(new byte[cap + 1])).Should().BeFalse();
        over.Length.Should().Be(cap);
    }

    [Fact]
    public async Task FillAsync_EndlessSource_StopsAtTheCap()
    {
        var buffer = new CappedBuffer(3 << 20);

        var complete = await buffer.FillAsync(new EndlessStream(), CancellationToken.None);

        complete.Should().BeFalse();
        buffer.Length.Should().Be(3 << 20);
    }

    private sealed class EndlessStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => count;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
