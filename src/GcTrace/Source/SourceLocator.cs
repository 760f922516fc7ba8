// SourceLocator: finds the file a profile frame names, as `go tool pprof -source_path/-trim_path` would.
namespace GcTrace.Source;

/// <summary>
/// A profile records the path the compiler saw: absolute (`/build/app/cache.go`) or, with -trimpath, the module
/// path plus the file's place in it (`example.com/app/cache.go`). The recorded path is tried as it is, then under
/// each --source root every suffix of it, longest first (the most specific match wins; pprof's locateFile trims
/// leading elements the same way), so `/build/app/cache.go` is found as DIR/build/app/cache.go, DIR/app/cache.go
/// or DIR/cache.go. Files are read once and parsed once; a file that is not found is remembered as missing.
/// </summary>
public sealed class SourceLocator
{
    private readonly IReadOnlyList<string> roots;
    private readonly ISourceFiles files;
    private readonly Dictionary<string, GoSourceFile?> parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GoPackage?> packages = new(StringComparer.Ordinal);
    private readonly object gate = new();

    public SourceLocator(IReadOnlyList<string> roots, ISourceFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(roots);
        this.roots = roots;
        this.files = files ?? new DiskSourceFiles();
    }

    /// <summary>A locator that only tries the recorded paths, for runs without --source.</summary>
    public static SourceLocator RecordedPathsOnly(ISourceFiles? files = null) => new([], files);

    /// <summary>Where the recorded path is found on this machine, or null.</summary>
    public string? Locate(string recordedPath) => Candidates(recordedPath).FirstOrDefault(files.Exists);

    /// <summary>Every path tried for <paramref name="recordedPath"/>, in order.</summary>
    public IEnumerable<string> Candidates(string recordedPath)
    {
        if (string.IsNullOrEmpty(recordedPath))
        {
            yield break;
        }

        yield return recordedPath;
        var parts = recordedPath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var root in roots)
        {
            for (var skip = 0; skip < parts.Length; skip++)
            {
                yield return Path.Combine([root, .. parts[skip..]]);
            }
        }
    }

    /// <summary>The parsed file a frame names, or null when it cannot be found or read.</summary>
    public GoSourceFile? File(string recordedPath)
    {
        lock (gate)
        {
            if (parsed.TryGetValue(recordedPath, out var known))
            {
                return known;
            }

            var found = Locate(recordedPath);
            var text = found is null ? null : files.ReadText(found);
            var file = text is null ? null : GoSourceFile.Parse(found!, text);
            parsed[recordedPath] = file;
            return file;
        }
    }

    /// <summary>The package of a located file: it and the other .go files beside it with the same package clause.</summary>
    public GoPackage? Package(string recordedPath)
    {
        var file = File(recordedPath);
        if (file is null)
        {
            return null;
        }

        lock (gate)
        {
            if (packages.TryGetValue(file.Path, out var known))
            {
                return known;
            }

            var members = new List<GoSourceFile> { file };
            foreach (var other in files.GoFilesBeside(file.Path))
            {
                if (Path.GetFullPath(other) == Path.GetFullPath(file.Path) || files.ReadText(other) is not { } text)
                {
                    continue;
                }

                var sibling = GoSourceFile.Parse(other, text);
                if (sibling.Package == file.Package)
                {
                    members.Add(sibling);
                }
            }

            var package = new GoPackage(members);
            packages[file.Path] = package;
            return package;
        }
    }
}
