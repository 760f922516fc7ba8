// BoundedGunzip: decompresses a gzip profile into memory, refusing output beyond a cap (gzip bombs) and truncated streams.
using System.Globalization;
using System.IO.Compression;

namespace GcTrace.Profiles;

internal static class BoundedGunzip
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads at most <paramref name="maxBytes"/> decompressed bytes; memory use is bounded by that cap plus
    /// one chunk, whatever the compression ratio.</summary>
    public static byte[] Decompress(Stream compressed, long maxBytes, string sourceName)
    {
        using var output = new MemoryStream();
        var buffer = new byte[ChunkSize];
        try
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new ProfileFormatException(sourceName,
                        string.Create(CultureInfo.InvariantCulture, $"gzip stream exceeds the {maxBytes} byte decompression limit (possible gzip bomb)"));
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new ProfileFormatException(sourceName, $"gzip stream corrupt ({ex.Message})", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new ProfileFormatException(sourceName, "gzip stream truncated", ex);
        }

        // GZipStream ends quietly when the input stops mid-stream, so check the trailer: its last four bytes are ISIZE,
        // the decompressed length mod 2^32 (RFC 1952). Go writes one member, so this covers its profiles.
        if (!TrailerMatches(compressed, output.Length))
        {
            throw new ProfileFormatException(sourceName, "gzip stream truncated");
        }

        return output.ToArray();
    }

    private static bool TrailerMatches(Stream compressed, long decompressedLength)
    {
        if (!compressed.CanSeek)
        {
            return true; // ProfileReader always passes a MemoryStream; nothing to check otherwise
        }

        if (compressed.Length < 18)
        {
            return false; // smaller than the smallest gzip member (10 byte header + 8 byte trailer)
        }

        Span<byte> isize = stackalloc byte[4];
        compressed.Seek(-4, SeekOrigin.End);
        compressed.ReadExactly(isize);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(isize) == (uint)decompressedLength;
    }
}
