// ProfileReader: the one entry point that turns a profile stream in any of Go's formats into a Profile.
using System.Globalization;
using System.Text;
using Google.Protobuf;

namespace GcTrace.Profiles;

public static class ProfileReader
{
    /// <summary>Reads gzip'd or plain protobuf, legacy heap text (debug=1), goroutine text (debug=1) or a goroutine
    /// dump (debug=2), chosen by content, never by file name. Throws <see cref="ProfileFormatException"/>.</summary>
    public static Profile Read(Stream stream, string sourceName, ProfileReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ProfileReaderOptions.Default;
        var bytes = ReadAllBounded(stream, options.MaxDecompressedBytes, sourceName);
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var compressed = new MemoryStream(bytes, writable: false);
            bytes = BoundedGunzip.Decompress(compressed, options.MaxDecompressedBytes, sourceName);
            return ReadDecompressed(bytes, sourceName, gzipped: true);
        }

        return ReadDecompressed(bytes, sourceName, gzipped: false);
    }

    public static Profile ReadFile(string path, ProfileReaderOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), options);
    }

    private static Profile ReadDecompressed(byte[] bytes, string sourceName, bool gzipped)
    {
        var text = TryDecodeText(bytes);
        if (text is not null)
        {
            if (text.StartsWith("heap profile:", StringComparison.Ordinal))
            {
                return LegacyHeapParser.Parse(text, sourceName);
            }

            if (text.StartsWith("goroutine profile:", StringComparison.Ordinal))
            {
                return GoroutineCountParser.Parse(text, sourceName);
            }

            if (text.StartsWith("goroutine ", StringComparison.Ordinal))
            {
                return GoroutineDumpParser.Parse(text, sourceName);
            }
        }

        Proto.Profile message;
        try
        {
            message = Proto.Profile.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            var stage = gzipped ? "protobuf decode failed after gunzip" : "not a gzip, protobuf or known text profile";
            throw new ProfileFormatException(sourceName, $"{stage} ({ex.Message})", ex);
        }

        if (message.StringTable.Count == 0 || message.StringTable[0].Length != 0)
        {
            // An empty or foreign message often decodes "successfully"; a real profile always starts its table with "".
            var stage = gzipped ? "protobuf decode failed after gunzip" : "not a gzip, protobuf or known text profile";
            throw new ProfileFormatException(sourceName, $"{stage} (string_table[0] is not \"\")");
        }

        return ProtoProfileConverter.Convert(message, sourceName);
    }

    /// <summary>Text forms start with a known ASCII header; anything else is left to the protobuf decoder.</summary>
    private static string? TryDecodeText(byte[] bytes)
    {
        ReadOnlySpan<byte> head = bytes.AsSpan(0, Math.Min(bytes.Length, 32));
        if (!head.StartsWith("heap profile:"u8) && !head.StartsWith("goroutine "u8))
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static byte[] ReadAllBounded(Stream stream, long maxBytes, string sourceName)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        try
        {
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new ProfileFormatException(sourceName, string.Create(CultureInfo.InvariantCulture, $"input exceeds the {maxBytes} byte limit"));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException ex)
        {
            throw new ProfileFormatException(sourceName, $"read failed ({ex.Message})", ex);
        }

        return buffer.ToArray();
    }
}
