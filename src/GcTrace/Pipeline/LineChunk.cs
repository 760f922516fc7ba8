// A pooled buffer of whole input lines travelling from the reader stage to the parse stage.

namespace GcTrace.Pipeline;

/// <summary>
/// <see cref="EndOfInput"/> marks the last chunk of one input (file or stdin): its last line may lack a line end, and a gc
/// line still waiting for its remainder is given up there, since a gc line never spans two inputs.
/// </summary>
internal readonly record struct LineChunk(byte[] Buffer, int Length, bool EndOfInput)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public void Return()
    {
        if (Buffer.Length > 0) ChunkPool.Return(Buffer);
    }
}
