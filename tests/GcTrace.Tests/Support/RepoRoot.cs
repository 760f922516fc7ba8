// Finds the repository root (the folder holding GcTrace.sln) from wherever the test binaries run.
namespace GcTrace.Tests.Support;

internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GcTrace.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no GcTrace.sln above {AppContext.BaseDirectory}");
    }
}
