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
    private readonly Dictionary<(string Dir, string Import), GoPackage?> imported = [];

    // One parse per file found, whichever way it was reached (a frame's recorded path, a sibling, an import), so that
    // a function is the same object in its file and in its package.
    private readonly Dictionary<string, GoSourceFile?> byFoundPath = new(StringComparer.Ordinal);
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
            var file = found is null ? null : ParseOnce(found);
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
            return PackageOf(file);
        }
    }

    /// <summary>
    /// The package an import of <paramref name="from"/> names, when its source is at hand: a package of the same
    /// module (`gcfixtures/app/internal/idem`), looked for as the import path's trailing elements under the importing
    /// file's directory and its ancestors (nearest first, the longest trailing part first), then under each --source
    /// root. The standard library and other modules are not found (null). The importing package is recorded as an
    /// importer, so that the imported package's exported functions count as reachable only when the importer uses them.
    /// </summary>
    public GoPackage? Imported(GoSourceFile from, string name)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (!from.ImportPaths.TryGetValue(name, out var importPath))
        {
            return null;
        }

        lock (gate)
        {
            var dir = Path.GetDirectoryName(from.Path) ?? string.Empty;
            if (!imported.TryGetValue((dir, importPath), out var package))
            {
                package = FindImported(dir, importPath);
                imported[(dir, importPath)] = package;
                if (package is not null && PackageOf(from) is { } importer && importer != package)
                {
                    package.AddImporter(importer);
                }
            }

            return package;
        }
    }

    // Ancestors of the importing directory searched at most this far up: a module's packages sit below its root,
    // which is rarely deeper above a file than this.
    private const int MaxAncestors = 6;

    private GoPackage? FindImported(string dir, string importPath)
    {
        var parts = importPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var ancestors = new List<string>();
        for (var a = dir; !string.IsNullOrEmpty(a) && ancestors.Count < MaxAncestors; a = Path.GetDirectoryName(a))
        {
            ancestors.Add(a);
        }

        ancestors.AddRange(roots);
        for (var skip = 0; skip < parts.Length; skip++)
        {
            foreach (var ancestor in ancestors)
            {
                var candidate = Path.Combine([ancestor, .. parts[skip..]]);
                var goFiles = files.GoFilesBeside(Path.Combine(candidate, "_.go")).ToList();
                if (goFiles.Count == 0 || ParseOnce(goFiles[0]) is not { } first)
                {
                    continue;
                }

                if (first.Package is not ("" or "main"))
                {
                    return PackageOf(first);
                }
            }
        }

        return null;
    }

    private GoSourceFile? ParseOnce(string found)
    {
        var key = Path.GetFullPath(found);
        if (!byFoundPath.TryGetValue(key, out var file))
        {
            file = files.ReadText(found) is { } text ? GoSourceFile.Parse(found, text) : null;
            byFoundPath[key] = file;
        }

        return file;
    }

    // The package of a parsed file: it and the other .go files of its directory with the same package clause, one
    // instance per directory.
    private GoPackage PackageOf(GoSourceFile file)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? string.Empty;
        if (packages.TryGetValue(dir, out var known) && known is not null)
        {
            return known;
        }

        var members = new List<GoSourceFile> { file };
        foreach (var other in files.GoFilesBeside(file.Path))
        {
            if (Path.GetFullPath(other) == Path.GetFullPath(file.Path))
            {
                continue;
            }

            var sibling = ParseOnce(other);
            if (sibling is not null && sibling.Package == file.Package)
            {
                members.Add(sibling);
            }
        }

        var package = new GoPackage(members);
        packages[dir] = package;
        return package;
    }
}
