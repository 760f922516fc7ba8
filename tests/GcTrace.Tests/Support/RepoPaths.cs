// Finds the repository's folders from the test binaries, so tests read the project's own fixtures.
namespace GcTrace.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Corpus => Path.Combine(Fixtures, "corpus");

    /// <summary>Every combined.log under fixtures/ (the copied corpus and the runs made by scripts/gen-fixtures.sh).</summary>
    public static IEnumerable<string> AllLogs() =>
        Directory.EnumerateFiles(Fixtures, "combined.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GcTrace.sln"))) return dir.FullName;
        throw new InvalidOperationException("GcTrace.sln not found above " + AppContext.BaseDirectory);
    }
}
