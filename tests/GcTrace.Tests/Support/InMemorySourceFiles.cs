// InMemorySourceFiles: Go files held in a dictionary, so code-reading tests need no disk.
using GcTrace.Source;

namespace GcTrace.Tests.Support;

internal sealed class InMemorySourceFiles(Dictionary<string, string> files) : ISourceFiles
{
    public List<string> Tried { get; } = [];

    public bool Exists(string path)
    {
        Tried.Add(path);
        return files.ContainsKey(path);
    }

    public string? ReadText(string path) => files.GetValueOrDefault(path);

    public IEnumerable<string> GoFilesBeside(string path)
    {
        var dir = Path.GetDirectoryName(path);
        return files.Keys.Where(k => Path.GetDirectoryName(k) == dir && k.EndsWith(".go", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
    }
}
