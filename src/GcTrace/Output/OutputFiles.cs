// The one place outputs are opened: '-' is stdout; a file is written under a temporary name beside it and renamed when
// complete, so a half-written file never looks finished; one output's failure never stops the others.
namespace GcTrace.Output;

public sealed class OutputFiles : IDisposable
{
    /// <summary>The path that means standard output.</summary>
    public const string StdoutPath = "-";

    private readonly List<Pending> open = [];
    private Stream? stdout;

    private sealed record Pending(GuardedStream Stream, string? Temp, string Path, string Label);

    /// <summary>Standard output, buffered; shared by passthrough and any '-' destination.</summary>
    public Stream Stdout => stdout ??= new BufferedStream(Console.OpenStandardOutput(), 1 << 16);

    /// <summary>Opens <paramref name="path"/> for writing; <paramref name="label"/> (e.g. "--csv") names it in errors.</summary>
    public Stream Open(string path, string label)
    {
        if (path == StdoutPath) return Stdout;
        // Checked first: a directory given as the path would otherwise be "opened" as a temporary file beside it.
        if (OutputPathProblem.BeforeFile(path) is { } problem) throw new OutputException(label, $"{label} {path}: {problem}");
        var temp = TempName(path);
        try
        {
            var inPlace = OpenInPlace(path);
            if (inPlace is not null) temp = null;
            var s = new GuardedStream(inPlace ?? new FileStream(temp!, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));
            open.Add(new Pending(s, temp, path, label));
            return s;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException(label, $"{label} {path}: {OutputPathProblem.Explain(e, path)}", e);
        }
    }

    /// <summary>An opener for files named inside <paramref name="dir"/> (created if missing), for multi-file outputs.</summary>
    public Func<string, Stream> Directory(string dir, string label)
    {
        if (OutputPathProblem.BeforeDirectory(dir, label) is { } problem) throw new OutputException(label, $"{label} {dir}: {problem}");
        try
        {
            System.IO.Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException(label, $"{label} {dir}: {OutputPathProblem.Explain(e, dir, directory: true)}", e);
        }
        return name => Open(System.IO.Path.Combine(dir, name), label);
    }

    /// <summary>
    /// Flushes and closes every file and gives it its final name. Each file on its own: one that fails (a full disk,
    /// /dev/full) loses its temporary file and is returned, the others are still committed. A file whose writer is
    /// blocked (a FIFO nobody reads), or whose close does not finish within <see cref="OutputStalledException.StallLimit"/>,
    /// is left alone and returned as stalled: it never gets its final name. A file whose writes already failed is only
    /// dropped (its writer reported it); it is returned too, for callers that match failures by option.
    /// </summary>
    public IReadOnlyList<OutputException> Commit()
    {
        var failures = new List<OutputException>();
        // Sorted once: a stream being closed below is busy while it flushes, which must not read as stalled.
        var (stuck, healthy) = (open.Where(p => p.Stream.Busy || p.Stream.Failed).ToList(), open.Where(p => !p.Stream.Busy && !p.Stream.Failed).ToList());
        var closing = healthy.Except(stuck).Select(p => (p, Task.Run(() => p.Stream.Close(flush: true)))).ToList();
        var deadline = DateTime.UtcNow + OutputStalledException.StallLimit;
        foreach (var p in stuck)
        {
            failures.Add(p.Stream.Failed
                ? new OutputException(p.Label, $"{p.Label} {p.Path}: not written completely; removed")
                : Stalled(p));
            if (p.Stream.Failed) Drop(p);
        }
        foreach (var (p, close) in closing)
        {
            var left = deadline - DateTime.UtcNow;
            if (!close.Wait(left > TimeSpan.Zero ? left : TimeSpan.Zero))
            {
                failures.Add(Stalled(p));
                continue;
            }
            try
            {
                close.GetAwaiter().GetResult();
                if (p.Temp is not null) File.Move(p.Temp, p.Path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new OutputException(p.Label, $"{p.Label} {p.Path}: {OutputPathProblem.Explain(e, p.Path)}", e));
                if (p.Temp is not null) TryDelete(p.Temp);
            }
        }
        open.Clear();
        try
        {
            stdout?.Flush();
        }
        catch (IOException e) when (!IsBrokenPipe(e))
        {
            failures.Add(new OutputException("stdout", $"stdout: {e.Message}", e));
        }
        return failures;
    }

    private static OutputException Stalled(Pending p) => new(p.Label,
        $"{p.Label} {p.Path}: took no output for {OutputStalledException.StallLimit.TotalSeconds:0} s; detached, its output is incomplete",
        new OutputStalledException("stalled"));

    private static void Drop(Pending p)
    {
        try
        {
            p.Stream.Close(flush: false);
        }
        catch (IOException)
        {
        }
        if (p.Temp is not null) TryDelete(p.Temp);
    }

    /// <summary>Closes whatever was not committed and removes its temporary file.</summary>
    public void Dispose()
    {
        // A stream whose writer is blocked is not touched: closing would flush into the same block.
        foreach (var p in open.Where(p => !p.Stream.Busy)) Drop(p);
        open.Clear();
        try
        {
            stdout?.Dispose();
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

    // Devices (/dev/null, /dev/stdout), FIFOs and symlinks are written in place: a rename would replace the node or the
    // link. Nothing tells a FIFO from a regular file short of stat(2), so an existing path is opened as it is: a regular
    // file can seek (and is closed again, untouched, to be replaced by rename), a FIFO or device cannot.
    private static FileStream? OpenInPlace(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var special = full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal);
        if (!special && (!File.Exists(full) || new FileInfo(full).LinkTarget is not null))
            return new FileInfo(full).LinkTarget is null ? null : Create(full);
        var existing = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
        if (!existing.CanSeek) return existing;
        existing.Dispose();
        return special ? Create(full) : null;
    }

    private static FileStream Create(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);

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
