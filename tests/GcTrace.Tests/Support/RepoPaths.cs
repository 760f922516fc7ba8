// RepoPaths: locates the repository root (the folder holding GcTrace.sln) so tests read fixtures/, never ../shared.
namespace GcTrace.Tests.Support;

internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Fixtures => Path.Combine(Root, "fixtures");

    public static string Corpus => Path.Combine(Fixtures, "corpus");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GcTrace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GcTrace.sln not found above {AppContext.BaseDirectory}");
    }
}
