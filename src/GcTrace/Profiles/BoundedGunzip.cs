// BoundedGunzip: checks a gzip profile before it is decoded, refusing output beyond a cap (gzip bombs) and truncated streams.
using System.Globalization;
using System.IO.Compression;

namespace GcTrace.Profiles;

internal static class BoundedGunzip
{
    /// <summary>Inflate buffer: the only memory the check holds, whatever the compression ratio.</summary>
    private const int ChunkSize = 64 * 1024;

    /// <summary>Inflates <paramref name="compressed"/> without keeping anything, and returns its decompressed length.
    /// A stream that inflates beyond <paramref name="maxBytes"/> is refused as soon as it passes the cap, having held one
    /// chunk, so a 2 GB bomb costs no more memory than a small profile.</summary>
    public static long CheckLength(CappedBuffer compressed, long maxBytes, string sourceName)
    {
        var buffer = new byte[ChunkSize];
        long length = 0;
        try
        {
            using var gzip = new GZipStream(compressed.OpenRead(), CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new ProfileFormatException(sourceName,
                        string.Create(CultureInfo.InvariantCulture, $"gzip stream exceeds the {maxBytes} byte decompression limit (possible gzip bomb)"));
                }
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
        using var view = compressed.OpenRead();
        if (!GzipTrailer.Matches(view, length))
        {
            throw new ProfileFormatException(sourceName, "gzip stream truncated");
        }

        return length;
    }
}
