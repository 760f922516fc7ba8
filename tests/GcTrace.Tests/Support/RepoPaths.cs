// Finds the repository root (the folder with GcTrace.sln) and the fixture logs, from wherever the tests run.
namespace GcTrace.Tests.Support;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "fixtures", "corpus");

    /// <summary>Every go1.19 and go1.26 combined.log, relative to the corpus folder, for theories.</summary>
    public static TheoryData<string> CombinedLogs() => new(CombinedLogPaths());

    /// <summary>Every go1.19 and go1.26 combined.log, relative to the corpus folder.</summary>
    public static List<string> CombinedLogPaths()
    {
        var data = new List<string>();
        foreach (var version in new[] { "go1.19", "go1.26" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(Corpus, version), "combined.log", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Corpus, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GcTrace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GcTrace.sln above {AppContext.BaseDirectory}.");
    }
}
