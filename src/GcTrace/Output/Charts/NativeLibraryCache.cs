// The private directory where embedded native libraries are written before loading, and the atomic write itself.
using System.Security.Cryptography;

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

    // A copy cut short or damaged on disk is rewritten, not loaded.
    private static bool SameContent(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != bytes.Length) return false;
        using var stream = info.OpenRead();
        return SHA256.HashData(stream).AsSpan().SequenceEqual(SHA256.HashData(bytes));
    }
}
