// The one place outputs are opened: '-' is stdout; a file is written under a temporary name beside it and renamed when
// complete, so a half-written file never looks finished.
namespace GcTrace.Output;

public sealed class OutputFiles : IDisposable
{
    /// <summary>The path that means standard output.</summary>
    public const string StdoutPath = "-";

    private readonly List<Pending> _open = [];
    private Stream? _stdout;

    private sealed record Pending(Stream Stream, string? Temp, string Path, string Label);

    /// <summary>Standard output, buffered; shared by passthrough and any '-' destination.</summary>
    public Stream Stdout => _stdout ??= new BufferedStream(Console.OpenStandardOutput(), 1 << 16);

    /// <summary>Opens <paramref name="path"/> for writing; <paramref name="label"/> (e.g. "--csv") names it in errors.</summary>
    public Stream Open(string path, string label)
    {
        if (path == StdoutPath) return Stdout;
        var temp = TempName(path);
        try
        {
            if (!IsRegularOrMissing(path)) temp = null;
            var s = new FileStream(temp ?? path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            _open.Add(new Pending(s, temp, path, label));
            return s;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var message = temp is null ? e.Message : e.Message.Replace(temp, path, StringComparison.Ordinal);
            throw new OutputException($"{label} {path}: {message}", e);
        }
    }

    /// <summary>An opener for files named inside <paramref name="dir"/> (created if missing), for multi-file outputs.</summary>
    public Func<string, Stream> Directory(string dir, string label)
    {
        try
        {
            System.IO.Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException($"{label} {dir}: {e.Message}", e);
        }
        return name => Open(System.IO.Path.Combine(dir, name), label);
    }

    /// <summary>Flushes and closes every file and gives it its final name; a full disk surfaces here as an <see cref="OutputException"/>.</summary>
    public void Commit()
    {
        foreach (var p in _open)
        {
            try
            {
                p.Stream.Dispose();
                if (p.Temp is not null) File.Move(p.Temp, p.Path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new OutputException($"{p.Label} {p.Path}: {e.Message}", e);
            }
        }
        _open.Clear();
        try
        {
            _stdout?.Flush();
        }
        catch (IOException e) when (!IsBrokenPipe(e))
        {
            throw new OutputException($"stdout: {e.Message}", e);
        }
    }

    /// <summary>Closes whatever was not committed and removes its temporary file.</summary>
    public void Dispose()
    {
        foreach (var p in _open)
        {
            try
            {
                p.Stream.Dispose();
            }
            catch (IOException)
            {
            }
            if (p.Temp is not null) TryDelete(p.Temp);
        }
        _open.Clear();
        try
        {
            _stdout?.Dispose();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>EPIPE (the reader of stdout is gone) surfaces as an IOException with HResult 32 (errno) on Linux.</summary>
    public static bool IsBrokenPipe(IOException e) =>
        (e.HResult & 0xFFFF) == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    // Hidden and unique, in the same directory so that the rename stays on one file system (atomic).
    private static string TempName(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full) ?? ".";
        return System.IO.Path.Combine(dir, $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
    }

    // Devices (/dev/null, /dev/stdout) and symlinks are written in place: a rename would replace the node or the link.
    private static bool IsRegularOrMissing(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal)) return false;
        return !File.Exists(full) || new FileInfo(full).LinkTarget is null;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
