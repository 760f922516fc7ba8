// Opens the output destinations ('-' is stdout) and closes them once, turning I/O failures into one clear message.
namespace GcTrace.Cli;

internal sealed class OutputFiles : IDisposable
{
    private readonly List<(Stream Stream, string Name)> _open = [];
    private Stream? _stdout;

    /// <summary>Standard output, buffered; shared by passthrough and any '-' destination.</summary>
    public Stream Stdout => _stdout ??= new BufferedStream(Console.OpenStandardOutput(), 1 << 16);

    public Stream Open(string path, string option)
    {
        if (path == CliOptions.Stdout) return Stdout;
        try
        {
            var s = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            _open.Add((s, $"{option} {path}"));
            return s;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException($"{option} {path}: {e.Message}", e);
        }
    }

    /// <summary>Flushes and closes everything; a full disk surfaces here as an <see cref="OutputException"/>.</summary>
    public void Close()
    {
        foreach (var (stream, name) in _open)
        {
            try
            {
                stream.Dispose();
            }
            catch (IOException e)
            {
                throw new OutputException($"{name}: {e.Message}", e);
            }
        }
        _open.Clear();
        try
        {
            _stdout?.Flush();
        }
        catch (IOException e) when (!ExitCodes.IsBrokenPipe(e))
        {
            throw new OutputException($"stdout: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        foreach (var (stream, _) in _open)
        {
            try { stream.Dispose(); } catch (IOException) { }
        }
        try { _stdout?.Dispose(); } catch (IOException) { }
    }
}
