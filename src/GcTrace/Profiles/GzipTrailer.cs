// GZipStream ends quietly when its input stops mid-stream, so completeness is checked on the gzip trailer (RFC 1952).
namespace GcTrace.Profiles;

public static class GzipTrailer
{
    // 10-byte header + 8-byte trailer: nothing shorter is a whole gzip member.
    private const int SmallestMember = 18;

    /// <summary>True when the last four bytes of <paramref name="compressed"/> (ISIZE, the decompressed length mod
    /// 2^32) match <paramref name="decompressedLength"/>. The stream must be seekable; its position moves.</summary>
    public static bool Matches(Stream compressed, long decompressedLength)
    {
        if (compressed.Length < SmallestMember)
        {
            return false;
        }

        Span<byte> isize = stackalloc byte[4];
        compressed.Seek(-4, SeekOrigin.End);
        compressed.ReadExactly(isize);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(isize) == (uint)decompressedLength;
    }
}
