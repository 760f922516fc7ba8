// The chunk buffers that travel from the read stage to the parse stage and back, reused instead of reallocated.
using System.Collections.Concurrent;

namespace GcTrace.Pipeline;

/// <summary>
/// ArrayPool.Shared keeps a few arrays per core and per thread; buffers rented on the read thread and returned on the
/// parse thread overflowed it and were dropped, and dropped 1 MiB arrays wait on the large object heap for a gen2
/// collection: peak RSS grew with the input (30 MB at 100 MB, 88 MB at 1 GB). A small shared queue holds more buffers
/// than can be in flight (channel of 4 + one read + one parse), so steady state allocates nothing.
/// </summary>
internal static class ChunkPool
{
    private const int MaxKept = 8;
    private const int MaxKeptBytes = 4 << 20;

    private static readonly ConcurrentQueue<byte[]> Free = new();

    public static byte[] Rent(int size)
    {
        while (Free.TryDequeue(out var b))
            if (b.Length >= size) return b;
        return GC.AllocateUninitializedArray<byte>(size);
    }

    public static void Return(byte[] buffer)
    {
        // A buffer grown for a very long line is left to the GC rather than kept.
        if (buffer.Length is > 0 and <= MaxKeptBytes && Free.Count < MaxKept) Free.Enqueue(buffer);
    }
}
