// ProfileReader: the one entry point that turns a profile stream in any of Go's formats into a Profile.
using System.Globalization;
using System.IO.Compression;
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
        if (stream.CanSeek && stream.Length - stream.Position > options.MaxDecompressedBytes)
        {
            throw TooLarge(sourceName, options.MaxDecompressedBytes);
        }

        var raw = new CappedBuffer(options.MaxDecompressedBytes);
        try
        {
            if (!raw.Fill(stream))
            {
                throw TooLarge(sourceName, options.MaxDecompressedBytes);
            }
        }
        catch (IOException ex)
        {
            throw new ProfileFormatException(sourceName, $"read failed ({ex.Message})", ex);
        }

        return Read(raw, sourceName, options);
    }

    /// <summary>Reads a profile already held in <paramref name="raw"/> (an HTTP body read under its own cap). A gzip
    /// profile is inflated twice, first only to count (refusing a bomb with nothing but a small buffer held), then straight
    /// into the decoder, so its decompressed bytes are never held as a whole.</summary>
    public static Profile Read(CappedBuffer raw, string sourceName, ProfileReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        options ??= ProfileReaderOptions.Default;
        var head = raw.Head(2);
        if (head.Length == 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            BoundedGunzip.CheckLength(raw, options.MaxDecompressedBytes, sourceName);
            return ReadDecompressed(() => new GZipStream(raw.OpenRead(), CompressionMode.Decompress), sourceName, gzipped: true);
        }

        return ReadDecompressed(raw.OpenRead, sourceName, gzipped: false);
    }

    public static Profile ReadFile(string path, ProfileReaderOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, Path.GetFileName(path), options);
    }

    private static ProfileFormatException TooLarge(string sourceName, long maxBytes) =>
        new(sourceName, string.Create(CultureInfo.InvariantCulture, $"input exceeds the {maxBytes} byte limit"));

    private static Profile ReadDecompressed(Func<Stream> open, string sourceName, bool gzipped)
    {
        var text = TryDecodeText(open);
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
            using var body = open();
            message = Proto.Profile.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException ex)
        {
            // Inside a gzip the decoder's detail helps; for a file that is no profile at all it is only noise.
            var what = gzipped ? $"protobuf decode failed after gunzip ({ex.Message})" : "not a gzip, protobuf or known text profile";
            throw new ProfileFormatException(sourceName, what, ex);
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
    private static string? TryDecodeText(Func<Stream> open)
    {
        var head = new byte[32];
        int length;
        using (var peek = open())
        {
            length = peek.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (!head.AsSpan(0, length).StartsWith("heap profile:"u8) && !head.AsSpan(0, length).StartsWith("goroutine "u8))
        {
            return null;
        }

        using var reader = new StreamReader(open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return reader.ReadToEnd();
    }
}
