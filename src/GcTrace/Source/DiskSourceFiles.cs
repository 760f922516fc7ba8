// DiskSourceFiles: ISourceFiles over the local file system; every failure reads as "not there".
namespace GcTrace.Source;

public sealed class DiskSourceFiles : ISourceFiles
{
    /// <summary>Source files larger than this are not Go a person wrote (generated tables); skip them.</summary>
    public const long MaxFileBytes = 4 << 20;

    public bool Exists(string path)
    {
        try
        {
            return File.Exists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    public string? ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxFileBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public IEnumerable<string> GoFilesBeside(string path)
    {
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            return dir is null
                ? []
                : Directory.GetFiles(dir, "*.go")
                    .Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return [];
        }
    }
}
