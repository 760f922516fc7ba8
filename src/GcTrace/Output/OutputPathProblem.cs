// Why an output path cannot be written, in plain words ("is a directory", "the directory /x does not exist") instead
// of .NET's exception text ("Could not find file '/.x.123.tmp'", "The file '/etc/passwd' already exists.").
using System.Text.RegularExpressions;

namespace GcTrace.Output;

public static partial class OutputPathProblem
{
    // errno values .NET passes through as IOException.HResult on Linux when it has no exception type of its own.
    private const int NotADirectory = 20;
    private const int IsADirectory = 21;
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;

    /// <summary>What makes <paramref name="path"/> unusable as an output file, seen before opening it; null when nothing is.</summary>
    public static string? BeforeFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return "is a directory; give a file path";
        return Path.GetDirectoryName(full) is { } parent ? MissingDirectory(parent) : null;
    }

    /// <summary>What makes <paramref name="dir"/> unusable as an output directory (it may be missing: it is then created).</summary>
    public static string? BeforeDirectory(string dir, string option)
    {
        var full = Path.GetFullPath(dir);
        if (File.Exists(full)) return $"is a file; {option} needs a directory to write its files into";
        // A file somewhere up the path can never become a directory; a missing directory is created with its parents.
        for (var up = Path.GetDirectoryName(full); up is not null; up = Path.GetDirectoryName(up))
            if (File.Exists(up)) return $"{up} is a file, not a directory";
        return null;
    }

    /// <summary>Why opening, writing or renaming <paramref name="path"/> failed with <paramref name="e"/>.</summary>
    public static string Explain(Exception e, string path, bool directory = false)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full) ?? "/";
        var what = directory ? "create the directory" : "create a file";
        return e switch
        {
            UnauthorizedAccessException => $"permission denied: cannot {what} in {parent}",
            DirectoryNotFoundException or FileNotFoundException when MissingDirectory(parent) is { } missing => missing,
            // The parent exists, yet the name cannot be made: a virtual file system such as /proc or /sys.
            DirectoryNotFoundException or FileNotFoundException => $"cannot {what} in {parent}",
            PathTooLongException => "the path is too long",
            IOException { HResult: ReadOnlyFileSystem } => $"cannot {what} in {parent}: the file system is read-only",
            IOException { HResult: NoSpace } => "no space left on the device",
            IOException { HResult: IsADirectory } => "is a directory; give a file path",
            IOException { HResult: NotADirectory } => "a part of the path is a file, not a directory",
            _ => $"cannot be written: {WithoutPaths(e.Message)}",
        };
    }

    // The nearest missing directory on the way up, said as such; null when the directory is there.
    private static string? MissingDirectory(string dir)
    {
        if (Directory.Exists(dir)) return null;
        for (var up = dir; up is not null; up = Path.GetDirectoryName(up))
            if (File.Exists(up)) return $"{up} is a file, not a directory";
        return $"the directory {dir} does not exist";
    }

    // .NET appends the path it was given (" : '/x/.y.123.tmp'"), which names our temporary file, not the user's.
    private static string WithoutPaths(string message)
    {
        var plain = QuotedPath().Replace(message, "").Trim().TrimEnd('.', ':').Trim();
        return plain.Length == 0 ? "an input/output error" : char.ToLowerInvariant(plain[0]) + plain[1..];
    }

    [GeneratedRegex(@"\s*:?\s*'[^']*'")]
    private static partial Regex QuotedPath();
}
