// The one place input is opened: standard input for "-" or nothing, files otherwise, gzip detected by magic bytes.
using System.IO.Compression;

namespace GcTrace.Pipeline;

public static class InputOpener
{
    public const string StandardInput = "-";

    /// <summary>Opens <paramref name="path"/> for reading, decompressing gzip transparently.</summary>
    /// <exception cref="InputException">The file cannot be opened.</exception>
    public static Stream Open(string path)
    {
        // Opening a directory fails with "access denied" on Linux, which sent people checking permissions.
        if (path != StandardInput && Directory.Exists(path)) throw new InputException($"{path}: is a directory; give a log file (plain or gzip) or '-' for standard input");
        Stream raw;
        try
        {
            raw = path == StandardInput ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: {Describe(e)}", e);
        }
        var peek = new PeekStream(raw);
        return peek.StartsWith(0x1f, 0x8b) ? new GZipStream(peek, CompressionMode.Decompress) : peek;
    }

    /// <summary>
    /// GZipStream ends quietly when a file stops mid-stream, so a gzip file's trailer is checked after reading it
    /// (<see cref="Profiles.GzipTrailer"/>). Pipes cannot be checked this way and are trusted.
    /// </summary>
    /// <exception cref="InputException">The file's trailer does not match what was decompressed.</exception>
    public static void CheckComplete(string path, Stream opened, long decompressedLength)
    {
        if (opened is not GZipStream || path == StandardInput) return;
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (!Profiles.GzipTrailer.Matches(f, decompressedLength) && !MayHoldSeveralMembers(f)) throw new InputException($"{path}: gzip data is truncated (read {decompressedLength} bytes before it ended)");
    }

    // Concatenated gzip files (`gzip -c part >> log.gz`) are valid and GZipStream reads every member, but the trailer then
    // describes only the last member. Another member header anywhere after the first means the check cannot tell, and a
    // false "truncated" is worse than a missed one; in compressed data the header bytes rarely occur by chance.
    private static bool MayHoldSeveralMembers(FileStream f)
    {
        ReadOnlySpan<byte> header = [0x1f, 0x8b, 0x08];
        f.Seek(1, SeekOrigin.Begin);
        var buffer = new byte[1 << 20];
        var carry = 0;
        int n;
        while ((n = f.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var span = buffer.AsSpan(0, carry + n);
            if (span.IndexOf(header) >= 0) return true;
            carry = Math.Min(2, span.Length);
            span[^carry..].CopyTo(buffer);
        }
        return false;
    }

    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        InvalidDataException => "corrupt gzip data",
        EndOfStreamException => "unexpected end of gzip data",
        _ => e.Message,
    };
}

/// <summary>Input that cannot be read: a missing file, a corrupt gzip stream. The message names the input.</summary>
public sealed class InputException(string message, Exception? inner = null) : Exception(message, inner);
