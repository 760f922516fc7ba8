// ISourceFiles: the only I/O the Source room does, behind a seam so that finding and reading rules stay pure.
namespace GcTrace.Source;

public interface ISourceFiles
{
    bool Exists(string path);

    /// <summary>The file's text, or null when it cannot be read (a missing file never fails a run).</summary>
    string? ReadText(string path);

    /// <summary>The other .go files of the directory holding <paramref name="path"/> (the rest of its package).</summary>
    IEnumerable<string> GoFilesBeside(string path);
}
