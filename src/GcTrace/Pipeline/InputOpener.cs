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

    internal static string Describe(Exception e) => e switch
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
