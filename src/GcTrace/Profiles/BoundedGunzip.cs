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

        // Go writes one gzip member, so the trailer covers the whole profile. ProfileReader always passes a MemoryStream;
        // a stream that cannot seek is not checked.
        if (compressed.CanSeek && !GzipTrailer.Matches(compressed, output.Length))
        {
            throw new ProfileFormatException(sourceName, "gzip stream truncated");
        }

        return output.ToArray();
    }
}
