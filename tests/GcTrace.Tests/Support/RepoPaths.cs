// Finds the repository root (the folder with GcTrace.sln) and the fixture logs, from wherever the tests run.
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

    /// <summary>Every go1.19 and go1.26 combined.log, relative to the corpus folder, for theories.</summary>
    public static TheoryData<string> CombinedLogs() => new(CombinedLogPaths());

    /// <summary>Every go1.19 and go1.26 combined.log, relative to the corpus folder.</summary>
    public static List<string> CombinedLogPaths() =>
        new[] { "go1.19", "go1.26" }
            .SelectMany(v => Directory.GetFiles(Path.Combine(Corpus, v), "combined.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(Corpus, f).Replace('\\', '/'))
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GcTrace.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No GcTrace.sln above {AppContext.BaseDirectory}.");
    }
}
