// Corpus: shortcuts to the real profiles under fixtures/corpus and fixtures/profiles.
namespace GcTrace.Tests.Support;

internal static class Corpus
{
    public static string File(params string[] parts) => Path.Combine([RepoPaths.Corpus, .. parts]);

    public static string Profiles(string name) => Path.Combine(RepoPaths.Fixtures, "profiles", name);

    /// <summary>Every heap-NNN.debug1.txt in the go1.19 corpus, relative to fixtures/corpus.</summary>
    public static IEnumerable<object[]> HeapDebug1Files() => Find("heap-*.debug1.txt");

    /// <summary>Every goroutine-NNN.txt (debug=1) in the corpus, relative to fixtures/corpus.</summary>
    public static IEnumerable<object[]> GoroutineDebug1Files() => Find("goroutine-*.txt", exclude: ".top.txt");

    private static IEnumerable<object[]> Find(string pattern, string? exclude = null) =>
        Directory.EnumerateFiles(RepoPaths.Corpus, pattern, SearchOption.AllDirectories)
            .Where(p => exclude is null || !p.EndsWith(exclude, StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(RepoPaths.Corpus, p))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });
}
