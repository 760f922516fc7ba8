// The private directory where embedded native libraries are written before loading, and the atomic write itself.
using System.Runtime.InteropServices;

namespace GcTrace.Output.Charts;

internal static class NativeLibraryCache
{
    // Only the user may list, read or write it: a library another user could replace would run as us.
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary><c>$XDG_CACHE_HOME/gctrace-pipe</c>, or <c>~/.cache/gctrace-pipe</c> (the XDG default).</summary>
    public static string Root()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        string baseDir = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : throw new IOException("no cache directory: neither XDG_CACHE_HOME nor HOME is set");
        return Path.Combine(baseDir, "gctrace-pipe");
    }

    /// <summary>
    /// Returns the path of <paramref name="file"/> in <paramref name="dir"/> holding exactly <paramref name="bytes"/>:
    /// an identical copy already there is used as it is; otherwise the bytes go to a temporary name in the same
    /// directory and are renamed over, so a reader (another gctrace-pipe at the same moment) never sees half a file.
    /// </summary>
    public static string Place(string dir, string file, byte[] bytes)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(dir);
        else Directory.CreateDirectory(dir, PrivateDirectory);
        string path = Path.Combine(dir, file);
        if (SameContent(path, bytes)) return path;
        string temp = Path.Combine(dir, $".{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return path;
    }

    /// <summary>
    /// A directory name for a library's bytes: 64-bit FNV-1a over 8-byte words, in hex. Not cryptographic, and need not
    /// be: <see cref="Place"/> compares every byte before it reuses a file. (SHA-256 would need OpenSSL, and a slim
    /// container without libssl aborts the process on first use instead of throwing.)
    /// </summary>
    public static string ContentName(ReadOnlySpan<byte> bytes)
    {
        const ulong offsetBasis = 14695981039346656037, prime = 1099511628211;
        ulong h = offsetBasis ^ (ulong)bytes.Length;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (ulong w in words) h = (h ^ w) * prime;
        foreach (byte b in bytes[(words.Length * sizeof(ulong))..]) h = (h ^ b) * prime;
        return h.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    // A copy cut short or damaged on disk is rewritten, not loaded.
    private static bool SameContent(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
    }
}
